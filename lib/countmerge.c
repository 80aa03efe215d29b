/* rcount -m: rcount tables summed, one line at a time (count.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rkit.h"
#include "count.h"

const char *const rk_merge_header[5] = { NULL, NULL, "key\tcount", "doc\tkey\tcount",
	                                 "doc\tsect\tkey\tcount" };

int
rk_merge_line(rk_merge *m, char *line, int first)
{
	char *field[5], *p, *end;
	int nf = 0, bad_esc = 0, k, keep;
	long n;
	size_t klen;
	unsigned grp = 0;
	/* a header (anywhere: tables may come concatenated) */
	for (k = 2; k <= 4 && strcmp(line, rk_merge_header[k]) != 0; k++)
		;
	if (k <= 4) {
		if (!m->fields)
			m->fields = k;
		if (k == m->fields)
			return RK_MERGE_HEADER;
		if (first)
			return RK_MERGE_SHAPE;
	}
	for (p = line, field[nf++] = p; nf <= 4 && (p = strchr(p, '\t')); field[nf++] = ++p)
		*p = '\0';
	if (p || nf < 2)
		return RK_MERGE_BAD;   /* too many fields or too few */
	if (!m->fields)
		m->fields = nf;
	if (nf != m->fields)
		return first ? RK_MERGE_SHAPE : RK_MERGE_BAD;
	if (!rk_is_digits(field[nf - 1]))
		return RK_MERGE_BAD;
	errno = 0;
	n = strtol(field[nf - 1], &end, 10);
	if (errno)
		return RK_MERGE_BAD;   /* past LONG_MAX: no count a table holds */
	/* group: doc or doc<tab>sect as written, cut to what is kept */
	keep = m->keep < 0 || m->keep > nf - 2 ? nf - 2 : m->keep;
	if (keep > 0) {
		size_t glen = strlen(field[0]);
		if (keep == 2) {
			field[1][-1] = '\t';
			glen += 1 + strlen(field[1]);
		}
		grp = (unsigned)rk_count_add(m->groups, 0, field[0], glen, 1);
	}
	klen = strlen(field[nf - 2]);
	klen = rk_unescape(field[nf - 2], klen, &bad_esc);
	rk_count_add(m->table, grp, field[nf - 2], klen, n);
	return RK_MERGE_ROW;
}
