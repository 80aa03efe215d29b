/* Character helpers shared by the scanners (metric.c, numeral.c,
 * countspan.c, sentence.c): decoding at and before a byte offset, and the
 * classes of characters their rules ask about.  Inline, for they run at
 * every candidate; the text is valid UTF-8 (the reader's). */
#ifndef RK_CHARS_H
#define RK_CHARS_H

#include <stddef.h>
#include <string.h>

#include "rkit.h"

/* For the helpers rules call at every numeral: inlined even where GCC
 * judges the caller too big already (metric.c's classify(): +2%
 * instructions otherwise). */
#ifdef __GNUC__
#define ALWAYS_INLINE static inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE static inline
#endif

/* The character at byte i of s[0..n); *len gets its bytes (0 past the end). */
static inline unsigned
cp_at(const char *s, size_t n, size_t i, int *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (i >= n) {
		*len = 0;
		return 0;
	}
	if (u[i] < 0x80) {
		*len = 1;
		return u[i];
	}
	if ((u[i] & 0xF0) == 0xE0 && i + 3 <= n) {
		*len = 3;
		return (u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
	}
	return rk_u8dec(s + i, n - i, len);
}

/* The character ending at byte i; *start gets its offset.  0 at the start.
 * Inline with the three-byte case first: the rules walk back a lot. */
static inline unsigned
cp_before(const char *s, size_t i, size_t *start)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t j = i;
	int len;
	if (i == 0) {
		*start = 0;
		return 0;
	}
	if (u[i - 1] < 0x80) {
		*start = i - 1;
		return u[i - 1];
	}
	if (i >= 3 && (u[i - 3] & 0xF0) == 0xE0) {
		*start = i - 3;
		return (u[i - 3] & 0x0Fu) << 12 | (u[i - 2] & 0x3Fu) << 6 | (u[i - 1] & 0x3Fu);
	}
	do
		j--;
	while (j > 0 && (u[j] & 0xC0) == 0x80);
	*start = j;
	return cp_at(s, i, j, &len);
}

ALWAYS_INLINE int
has_atn(const char *s, size_t n, size_t i, const char *w, size_t k)
{
	return i + k <= n && memcmp(s + i, w, k) == 0;
}

ALWAYS_INLINE int
ends_withn(const char *s, size_t i, const char *w, size_t k)
{
	return k <= i && memcmp(s + i - k, w, k) == 0;
}

/* With a string literal the length is known at compile time. */
#define has_at(s, n, i, lit) has_atn(s, n, i, lit, sizeof(lit) - 1)
#define ends_with(s, i, lit) ends_withn(s, i, lit, sizeof(lit) - 1)

/* A Latin letter, ASCII or full-width (rk_fold's range, folded here). */
static inline int
is_latin(unsigned cp)
{
	if (cp >= 0xFF21 && cp <= 0xFF5A)
		cp -= 0xFF01 - 0x21;
	return cp < 0x80 && (cp | 0x20) - 'a' < 26;
}

/* An Arabic digit, ASCII or full-width. */
static inline int
is_digit(unsigned cp)
{
	return cp - '0' < 10 || cp - 0xFF10 < 10;
}

static inline int
is_ascii_digit(unsigned cp)
{
	return cp - '0' < 10;
}

/* Han ideograph: rk_is_cjk's ranges (with 〇), inline, the common block first. */
static inline int
is_han(unsigned cp)
{
	return cp - 0x4E00 < 0x5200 || cp - 0x3400 < 0x19C0 || cp - 0xF900 < 0x200 ||
	       cp - 0x20000 < 0xFA20 || cp == U'〇';
}

/* The Chinese numeral characters: rk_cjk_digit(), rk_cjk_mult(),
 * rk_cjk_tens() and RK_CJK_NUMERALS, from lib/data/numerals.tsv. */
#include "numerals.h"

/* Ends a clause: ，。；：！？｡ and their ASCII twins. */
static inline int
is_clause_end(unsigned cp)
{
	if (cp < 0x80)
		return cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?';
	return cp == U'，' || cp == U'。' || cp == U'；' || cp == U'：' || cp == U'！' ||
	       cp == U'？' || cp == U'｡';
}

/* Quotes that open and close a short quoted phrase: “ 「 『 ‘ and their pairs. */
static inline int
is_open_quote(unsigned cp)
{
	return cp == U'“' || cp == U'「' || cp == U'『' || cp == U'‘';
}

static inline int
is_close_quote(unsigned cp)
{
	return cp == U'”' || cp == U'」' || cp == U'』' || cp == U'’';
}

/* Brackets and quotes that open or close a span a sentence end inside does
 * not end (sentence.c).  outline.c has a set of its own for what may follow
 * an end mark (with " and ', without 〉 〗 ]). */
static inline int
is_opener(unsigned cp)
{
	switch (cp) {
	case U'“': case U'‘': case U'（': case '(': case U'《': case U'「':
	case U'『': case U'【': case '[': case U'〈': case U'〖':
		return 1;
	}
	return 0;
}

static inline int
is_closer(unsigned cp)
{
	switch (cp) {
	case U'”': case U'’': case U'）': case ')': case U'》': case U'」':
	case U'』': case U'】': case ']': case U'〉': case U'〗':
		return 1;
	}
	return 0;
}

#endif
