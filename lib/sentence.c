/* Sentence ends: 。！？； and their twins, outside quotes and brackets. */
#include <string.h>

#include "rkit.h"

static int
is_digit(unsigned cp)
{
	return cp >= '0' && cp <= '9';
}

static int
is_opener(unsigned cp)
{
	switch (cp) {
	case 0x201C: case 0x2018: case 0xFF08: case '(': case 0x300A: case 0x300C:
	case 0x300E: case 0x3010: case '[': case 0x3008: case 0x3016:
		return 1;
	}
	return 0;
}

static int
is_closer(unsigned cp)
{
	switch (cp) {
	case 0x201D: case 0x2019: case 0xFF09: case ')': case 0x300B: case 0x300D:
	case 0x300F: case 0x3011: case ']': case 0x3009: case 0x3017:
		return 1;
	}
	return 0;
}

/* 。！？；｡ and ASCII ! ? ; */
static int
is_end(unsigned cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF61 ||
	       cp == '!' || cp == '?' || cp == ';';
}

/* Take the end mark at i plus any closers and repeated marks after it. */
static size_t
after_end(const char *s, size_t n, size_t i)
{
	while (i < n) {
		int l;
		unsigned cp = rk_u8dec(s + i, n - i, &l);
		if (!is_end(cp) && !is_closer(cp) && cp != 0x2026)
			break;
		i += (size_t)l;
	}
	return i;
}

size_t
rk_sentence_len(const char *s, size_t n)
{
	size_t i = 0, first_nested = 0;
	int depth = 0;
	unsigned prev = 0;
	while (i < n) {
		int l;
		unsigned char c = (unsigned char)s[i];
		unsigned cp;
		if (c - 0xE4u < 6 && i + 3 <= n) {
			/* U+4000-9FFF, Han text: no mark of a sentence, so skip the
			 * run; as prev any of them stands for all */
			do
				i += 3;
			while (i + 3 <= n && (unsigned char)s[i] - 0xE4u < 6);
			prev = 0x4E00;
			continue;
		}
		if (c < 0x80) {
			cp = c;
			l = 1;
		} else
			cp = rk_u8dec(s + i, n - i, &l);
		if (is_opener(cp)) {
			depth++;
		} else if (is_closer(cp)) {
			if (depth > 0)
				depth--;
			/* “…。” ends where the quote closes */
			if (depth == 0 && is_end(prev))
				return after_end(s, n, i);
		} else if (cp == '"') {
			/* straight quotes alternate */
			depth += depth > 0 && prev != ' ' ? -1 : 1;
		} else if (is_end(cp)) {
			if (depth == 0)
				return after_end(s, n, i);
			if (!first_nested)
				first_nested = i;
		} else if ((cp == '.' || cp == 0xFF0E) && depth == 0) {
			/* a full stop, not 37.8 or 1.扎实 or www.x */
			size_t j = i + (size_t)l;
			int nl;
			unsigned next = j < n ? rk_u8dec(s + j, n - j, &nl) : 0;
			unsigned p = rk_fold(prev), q = rk_fold(next);
			int alnum_before = is_digit(p) || (p < 0x80 && (p | 0x20) >= 'a' && (p | 0x20) <= 'z');
			if (next == 0 || (next == ' ' && !is_digit(p)) || is_closer(next) ||
			    (!alnum_before && rk_is_cjk(q)))
				return after_end(s, n, j);
		}
		prev = cp;
		i += (size_t)l;
	}
	/* Never closed a quote: fall back to the first end mark inside it. */
	if (depth > 0 && first_nested)
		return after_end(s, n, first_nested);
	return n;
}
