/* Reading TSV: fields split at tabs, in place. */
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
