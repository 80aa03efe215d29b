/* UTF-8 helpers for text the decoder has already validated. */
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rkit.h"

unsigned
rk_u8dec(const char *s, size_t n, int *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0) { *len = 0; return 0; }
	if (u[0] < 0x80) { *len = 1; return u[0]; }
	if (u[0] < 0xE0 && n >= 2) { *len = 2; return (u[0] & 0x1F) << 6 | (u[1] & 0x3F); }
	if (u[0] < 0xF0 && n >= 3) {
		*len = 3;
		return (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	if (n >= 4) {
		*len = 4;
		return (u[0] & 0x07) << 18 | (u[1] & 0x3F) << 12 | (u[2] & 0x3F) << 6 | (u[3] & 0x3F);
	}
	*len = 1;
	return 0xFFFD;
}

size_t
rk_u8count(const char *s, size_t n)
{
	/* count the bytes that are not continuation bytes (10xxxxxx), a
	 * word at a time */
	const unsigned long long hi = 0x8080808080808080ULL;
	size_t i = 0, cont = 0;
#ifdef __SSE2__
	/* sixteen at a time: a byte counter per lane (at most 255 blocks), then
	 * summed by psadbw */
	while (i + 16 <= n) {
		__m128i acc = _mm_setzero_si128(), lim = _mm_set1_epi8((char)0xC0);
		size_t blocks = 0;
		for (; i + 16 <= n && blocks < 255; i += 16, blocks++) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			/* signed: 80-BF are the bytes below C0 = -64 */
			acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(v, lim));
		}
		acc = _mm_sad_epu8(acc, _mm_setzero_si128());
		cont += (size_t)_mm_cvtsi128_si32(acc) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(acc, 8));
	}
#endif
	for (; i + 8 <= n; i += 8) {
		unsigned long long x;
		memcpy(&x, s + i, 8);
		/* one bit per continuation byte, summed by a multiply */
		cont += (size_t)((((x & ~(x << 1) & hi) >> 7) * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

size_t
rk_u8count_max(const char *s, size_t n, size_t max)
{
	size_t c;
	/* a character is at most 4 bytes: long text has more than max without
	 * counting it */
	if (n >= 4 * (max + 1))
		return max + 1;
	c = rk_u8count(s, n);
	return c > max ? max + 1 : c;
}

int
rk_u8enc(unsigned cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) { o[0] = cp; return 1; }
	if (cp < 0x800) { o[0] = 0xC0 | cp >> 6; o[1] = 0x80 | (cp & 0x3F); return 2; }
	if (cp < 0x10000) {
		o[0] = 0xE0 | cp >> 12; o[1] = 0x80 | (cp >> 6 & 0x3F); o[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | cp >> 18; o[1] = 0x80 | (cp >> 12 & 0x3F);
	o[2] = 0x80 | (cp >> 6 & 0x3F); o[3] = 0x80 | (cp & 0x3F);
	return 4;
}

unsigned
rk_fold(unsigned cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + 0x21;
	if (cp == 0x3000)
		return ' ';
	return cp;
}

int
rk_is_cjk(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

int
rk_is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F;
}

unsigned
rk_u8last(const char *s, size_t n, int *len)
{
	size_t i = n;
	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0) {
		*len = 0;
		return 0;
	}
	i--;
	{
		int l;
		unsigned cp = rk_u8dec(s + i, n - i, &l);
		*len = (int)(n - i);
		return cp;
	}
}

/* First occurrence of a 3-byte character: memchr (vectorised) for its
 * last byte, a continuation byte much rarer than its lead byte. */
const char *
rk_find3(const char *s, size_t n, const char *c)
{
	const char *p = s + 2, *end = s + n;
	if (n < 3)
		return NULL;
	while (p < end && (p = memchr(p, c[2], (size_t)(end - p))) != NULL) {
		if (p[-2] == c[0] && p[-1] == c[1])
			return p - 2;
		p++;
	}
	return NULL;
}

/* Strict UTF-8: no overlongs, surrogates or code points past U+10FFFF. */
int
rk_u8valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = u[i], need, cp, min;
		if (c < 0x80) { i++; continue; }
		if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
		else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
		else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
		else return 0;
		if (n - i <= need)
			return 0;
		for (i++; need; need--, i++) {
			if ((u[i] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (u[i] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
	}
	return 1;
}
