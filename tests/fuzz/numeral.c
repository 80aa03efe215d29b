/* The numeral parser (numeral.c): rk_num_parse() at every character of
 * valid UTF-8 text, and rk_dec_fmt() on what it finds. */
#include "fuzz.h"
#include "metric.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	size_t n, i = 0;
	char *s = fuzz_utf8(data, size, 1, &n);
	char buf[RK_DEC_MAX];
	while (i < n) {
		rk_num num;
		int k;
		size_t len = rk_num_parse(s + i, n - i, &num);
		FUZZ_ASSERT(len == num.len);
		FUZZ_ASSERT(len <= n - i);
		if (len) {
			/* ends on a character boundary */
			FUZZ_ASSERT(fuzz_valid_utf8(s + i, len));
			FUZZ_ASSERT(num.int_digits >= 0 && num.frac_digits >= 0);
			FUZZ_ASSERT(num.nchars > 0);
			FUZZ_ASSERT(num.infix == -1 || (size_t)num.infix < len);
			k = rk_dec_fmt(num.v, buf);
			FUZZ_ASSERT(k > 0 && k < RK_DEC_MAX && (size_t)k == strlen(buf));
		}
		k = fuzz_u8len((const unsigned char *)s + i, n - i);
		i += (size_t)k;
	}
	free(s);
	return 0;
}
