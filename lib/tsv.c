/* Reading TSV: fields split at tabs, in place; the columns --text and --id name. */
#include <string.h>

#include "rkit.h"

int
rk_tsv_split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		char *tab = strchr(p, '\t');
		fields[n++] = p;
		if (!tab)
			return n;
		*tab = '\0';
		p = tab + 1;
	}
	return n + 1;   /* more fields than room: the caller sees a wrong count */
}

int
rk_is_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

void
rk_check_columns(const rk_opts *o)
{
	long text, id;
	if (o->id_col && !o->text_col)
		rk_usage("--id needs --text");
	if (!o->text_col)
		return;
	if (!*o->text_col)
		rk_usage("--text: empty column name");
	if (o->id_col && !*o->id_col)
		rk_usage("--id: empty column name");
	text = rk_is_digits(o->text_col) ? rk_number(o->text_col, "--text", 1, RK_MAXCOL) : 0;
	id = o->id_col && rk_is_digits(o->id_col) ? rk_number(o->id_col, "--id", 1, RK_MAXCOL) : 0;
	/* rows without a header have no names to look up */
	if (text && o->id_col && !id)
		rk_usage("--text %s is a column number: --id must be one too, not '%s'", o->text_col,
		         o->id_col);
	if (o->id_col && (text ? text == id : strcmp(o->text_col, o->id_col) == 0))
		rk_usage("--text and --id name the same column '%s': the id and the text are two columns",
		         o->text_col);
}
