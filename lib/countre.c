/* rcount -e/-f: the matches of PCRE2 patterns (count.h). */
#include <string.h>

#include "rkit.h"
#include "count.h"

int
rk_find_regex(const pcre2_code *re, pcre2_match_data *md, pcre2_match_context *mc, const char *s,
              size_t n, rk_emit *emit, void *ctx)
{
	PCRE2_SIZE off = 0, *ov = pcre2_get_ovector_pointer(md);
	while (off <= n) {
		int rc = pcre2_match(re, (PCRE2_SPTR)s, n, off, PCRE2_NO_UTF_CHECK, md, mc);
		size_t a, b;
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc < 0)
			return rc;
		/* the first group when the pattern has one and it took part */
		a = ov[0], b = ov[1];
		if (rc > 1 && ov[2] != PCRE2_UNSET)
			a = ov[2], b = ov[3];
		if (b > a)
			emit(ctx, s + a, b - a, a);
		if (ov[1] > off) {
			off = ov[1];
		} else {   /* an empty match: step over one character */
			int len;
			if (off >= n)
				return 0;
			rk_u8dec(s + off, n - off, &len);
			off += (size_t)len;
		}
	}
	return 0;
}
