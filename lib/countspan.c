/* The finders that need no dictionary: quoted phrases, titles, numbered
 * slogans and character n-grams.  Each walks the text once. */
#include <stdint.h>
#include <string.h>

#include "rkit.h"
#include "count.h"
#include "chars.h"

/* ---- quoted spans ----------------------------------------------------- */

/* A pair of marks; open == close for the symmetric ASCII quote. */
struct pair { unsigned open, close; };

static const struct pair quote_pairs[] = {
	{ U'“', U'”' },
	{ U'「', U'」' },
	{ U'『', U'』' },
	{ '"', '"' },         /* " and the full-width ＂, folded */
};
static const struct pair title_pairs[] = {
	{ U'《', U'》' },
};

#ifdef __SSE2__
#include <emmintrin.h>
#else
/* Any byte of the word w equal to c?  (the classic SWAR zero-byte test) */
static inline uint64_t
has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (0x0101010101010101u * c);
	return (x - 0x0101010101010101u) & ~x & 0x8080808080808080u;
}
#endif

/* Offset of the first byte from i on that may start a mark: " or the
 * lead bytes E2 E3 EF; n if none.  Eight bytes at a time: most of the
 * text is Han (E4..E9) and none of it. */
static size_t
next_candidate(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	/* sixteen bytes at a time, and the exact place from the mask */
	const __m128i q = _mm_set1_epi8('"'), e2 = _mm_set1_epi8((char)0xE2),
	              e3 = _mm_set1_epi8((char)0xE3), ef = _mm_set1_epi8((char)0xEF);
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, e2)),
		                         _mm_or_si128(_mm_cmpeq_epi8(v, e3), _mm_cmpeq_epi8(v, ef)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#else
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (has_byte(w, '"') | has_byte(w, 0xE2) | has_byte(w, 0xE3) | has_byte(w, 0xEF))
			break;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == 0xE2 || c == 0xE3 || c == 0xEF)
			return i;
	}
	return n;
}

/* Is the three-byte character at s one of the marks? */
static int
maybe_mark3(const unsigned char *u)
{
	switch (u[0]) {
	case 0xE2: return u[1] == 0x80 && (u[2] == 0x9C || u[2] == 0x9D);   /* “ ” */
	case 0xE3: return u[1] == 0x80 && u[2] >= 0x8A && u[2] <= 0x8F;     /* 《》「」『』 */
	case 0xEF: return u[1] == 0xBC && u[2] == 0x82;                     /* ＂ */
	}
	return 0;
}

static size_t
skip_space(const char *s, size_t i, size_t end, int dir)
{
	/* trims blanks inside the marks: “ 两个维护 ” is 两个维护 */
	while (i < end) {
		int len;
		unsigned cp;
		if (dir > 0) {
			cp = rk_u8dec(s + i, end - i, &len);
			if (!rk_is_space(cp))
				break;
			i += (size_t)len;
		} else {
			size_t j = end;
			do
				j--;
			while (j > i && ((unsigned char)s[j] & 0xC0) == 0x80);
			cp = rk_u8dec(s + j, end - j, &len);
			if (!rk_is_space(cp))
				break;
			end = j;
		}
	}
	return dir > 0 ? i : end;
}

#ifdef __SSE2__
/* One bit for each of the sixteen bytes at s that starts a mark of
 * maybe_mark3() or is ", with no branch for each byte: next_candidate()
 * stops at every E3 and EF lead, and 、 and ， are among them, so often that
 * the stops cost more than the whole scan.  s[0..18) must be readable. */
static unsigned
marks16(const char *s)
{
#define B(x) _mm_set1_epi8((char)(x))
#define EQ(v, x) _mm_cmpeq_epi8(v, B(x))
	__m128i v0 = _mm_loadu_si128((const __m128i *)s);
	__m128i v1 = _mm_loadu_si128((const __m128i *)(s + 1));
	__m128i v2 = _mm_loadu_si128((const __m128i *)(s + 2));
	__m128i e380 = _mm_and_si128(EQ(v0, 0xE3), EQ(v1, 0x80));
	__m128i t = _mm_sub_epi8(v2, B(0x8A));
	__m128i m = _mm_and_si128(e380, _mm_cmpeq_epi8(_mm_min_epu8(t, B(5)), t));   /* 《》「」『』 */
	m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(EQ(v0, 0xE2), EQ(v1, 0x80)),
	                                  EQ(_mm_and_si128(v2, B(0xFE)), 0x9C)));      /* “ ” */
	m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(EQ(v0, 0xEF), EQ(v1, 0xBC)),
	                                  EQ(v2, 0x82)));                              /* ＂ */
	m = _mm_or_si128(m, EQ(v0, '"'));
	return (unsigned)_mm_movemask_epi8(m);
#undef B
#undef EQ
}
#endif

/* What find_pairs() keeps between marks. */
struct pairscan {
	const struct pair *pairs;
	int npairs;
	size_t open[8];   /* byte offset after the opener, or (size_t)-1 */
	size_t maxchars;
	rk_emit *emit;
	void *ctx;
};

/* The mark at i (" or one of maybe_mark3()): returns its length. */
static size_t
at_mark(struct pairscan *ps, const char *s, size_t n, size_t i)
{
	int len, p;
	unsigned cp = rk_fold(rk_u8dec(s + i, n - i, &len));
	for (p = 0; p < ps->npairs; p++) {
		size_t a, b;
		if (cp == ps->pairs[p].close && ps->open[p] != (size_t)-1) {
			a = skip_space(s, ps->open[p], i, 1);
			b = skip_space(s, a, i, -1);
			/* a character is 1 to 4 bytes: count only when that decides */
			if (b > a && (b - a <= ps->maxchars ||
			              (b - a <= 4 * ps->maxchars && rk_u8count(s + a, b - a) <= ps->maxchars)))
				ps->emit(ps->ctx, s + a, b - a, a);
			ps->open[p] = (size_t)-1;
			break;
		}
		if (cp == ps->pairs[p].open) {
			ps->open[p] = i + (size_t)len;
			break;
		}
	}
	return (size_t)len;
}

/* Spans between an opener and the next closer of its pair.  An opener met
 * while its pair is open means the first was never closed: start again
 * from the second.  Different pairs are independent, so quotes inside
 * quotes of another kind are found too. */
static void
find_pairs(const struct pair *pairs, int npairs, const char *s, size_t n, size_t maxchars,
           rk_emit *emit, void *ctx)
{
	struct pairscan ps = { pairs, npairs, { 0 }, maxchars, emit, ctx };
	size_t i = 0;
	int p;

	for (p = 0; p < npairs; p++)
		ps.open[p] = (size_t)-1;
#ifdef __SSE2__
	/* the marks' bits are on their first bytes only, so none is in the
	 * middle of another: take them in order */
	for (; i + 18 <= n; i += 16) {
		unsigned m = marks16(s + i);
		while (m) {
			at_mark(&ps, s, n, i + (size_t)__builtin_ctz(m));
			m &= m - 1;
		}
	}
	/* marks begun before i are done, and next_candidate() stops at no
	 * byte inside a character */
#endif
	while ((i = next_candidate(s, i, n)) < n) {
		if (s[i] != '"' && (n - i < 3 || !maybe_mark3((const unsigned char *)s + i))) {
			i++;
			continue;
		}
		i += at_mark(&ps, s, n, i);
	}
}

void
rk_find_quotes(const char *s, size_t n, size_t maxchars, rk_emit *emit, void *ctx)
{
	find_pairs(quote_pairs, sizeof quote_pairs / sizeof *quote_pairs, s, n, maxchars, emit, ctx);
}

void
rk_find_titles(const char *s, size_t n, size_t maxchars, rk_emit *emit, void *ctx)
{
	find_pairs(title_pairs, 1, s, n, maxchars, emit, ctx);
}

/* ---- numbered slogans ------------------------------------------------- */

/* A set of characters written as a UTF-8 string, decoded on first use. */
struct charset { const char *chars; unsigned cp[24]; int n; };

static int
in(unsigned cp, struct charset *set)
{
	int i;
	if (!set->n) {
		size_t n = strlen(set->chars), j = 0;
		while (j < n && set->n < 24) {
			int len;
			set->cp[set->n++] = rk_u8dec(set->chars + j, n - j, &len);
			j += (size_t)len;
		}
	}
	for (i = 0; i < set->n; i++)
		if (set->cp[i] == cp)
			return 1;
	return 0;
}

/* Numerals of slogans, from the one table of Chinese numerals (chars.h),
 * with 双 (一岗双责): any digit, 十 百 千 万 (not 亿) */
static int
is_numeral(unsigned cp)
{
	int m = rk_cjk_mult(cp);
	return rk_cjk_digit(cp) >= 0 || (m > 0 && m <= 4) || cp == U'双';
}
/* numerals of a parallel formula: 一 to 九, 十, 双; not 百 千 万 of idioms
 * (千方百计, 万众一心) */
static int
is_small_numeral(unsigned cp)
{
	return rk_cjk_digit(cp) >= 1 || rk_cjk_mult(cp) == 1 || cp == U'双';
}
/* numerals that head a "N + measure word + phrase" slogan: not 一, which
 * is mostly the article (一个重要…) or part of a word (统一大市场) */
static int
is_slogan_numeral(unsigned cp)
{
	return rk_cjk_digit(cp) >= 2 || rk_cjk_mult(cp) == 1 || cp == U'双';
}
static struct charset measures = { "个项大条种类张支化型", {0}, 0 };
/* what follows a number when it is a quantity, not a slogan: 两个月, 三个以上 */
static struct charset quantity_next = { "月年日天人多余以左小百千万亿半级次批", {0}, 0 };
/* words counted in a parallel formula that are units of time or rank:
 * 每三年一次, 十届四中全会 */
static struct charset parallel_not = { "个届次年月日天周季时分秒", {0}, 0 };

/* decoded text: code points with their byte offsets */
struct chars { unsigned cp[24]; size_t off[25]; int n; };

static void
decode_ahead(const char *s, size_t n, size_t i, struct chars *c)
{
	c->n = 0;
	while (i < n && c->n < 24) {
		int len;
		c->cp[c->n] = rk_fold(rk_u8dec(s + i, n - i, &len));   /* ２＋３ as 2+3 */
		c->off[c->n++] = i;
		i += (size_t)len;
	}
	c->off[c->n] = i;
}

/* A Han character that is not 〇 (a digit here) */
static int
is_ideograph(unsigned cp)
{
	return is_han(cp) && cp != U'〇';
}

static int
is_ascii_alnum(unsigned cp)
{
	return is_ascii_digit(cp) || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* N A N B [N C ...]: numerals alternating with single Han characters:
 * 三会一课, 一岗双责, 两学一做, 一带一路.  Returns characters used. */
static int
parallel(const struct chars *c, int k)
{
	int j = k, pairs = 0;
	while (j + 1 < c->n && is_small_numeral(c->cp[j]) && is_ideograph(c->cp[j + 1]) &&
	       !is_numeral(c->cp[j + 1]) && !in(c->cp[j + 1], &parallel_not)) {
		j += 2;
		pairs++;
	}
	return pairs >= 2 ? j - k : 0;
}

/* N M XY: a numeral, a measure word, two Han characters: 两个确立,
 * 四个意识, 十项行动, 五大工程.  Returns characters used. */
static int
counted(const struct chars *c, int k)
{
	if (k + 4 > c->n)
		return 0;
	if (!is_slogan_numeral(c->cp[k]) || !in(c->cp[k + 1], &measures))
		return 0;
	if (!is_ideograph(c->cp[k + 2]) || !is_ideograph(c->cp[k + 3]) || in(c->cp[k + 2], &quantity_next) ||
	    is_numeral(c->cp[k + 2]) || in(c->cp[k + 2], &measures))
		return 0;
	return 4;
}

/* 1+3+8, 1+N, 2+3+N: numbers (or one Latin capital) joined by +, the first
 * a number of at most three digits.  Returns characters used. */
static int
formula(const struct chars *c, int k)
{
	int j = k, parts = 0;
	for (;;) {
		int start = j;
		if (j < c->n && c->cp[j] >= 'A' && c->cp[j] <= 'Z' && parts > 0 &&
		    (j + 1 >= c->n || !is_ascii_alnum(c->cp[j + 1])))
			j++;
		else
			while (j < c->n && is_ascii_digit(rk_fold(c->cp[j])) && j - start < 3)
				j++;
		if (j == start || (j < c->n && is_ascii_digit(rk_fold(c->cp[j]))))
			return 0;
		parts++;
		if (j + 1 < c->n && rk_fold(c->cp[j]) == '+')
			j++;
		else
			break;
	}
	if (parts < 2 || (j < c->n && (rk_fold(c->cp[j]) == '.' || rk_fold(c->cp[j]) == '%')))
		return 0;
	return j - k;
}

/* At each character that may begin a slogan (not preceded by 第, 之, a
 * numeral or an ASCII letter or digit), try the three shapes; a match is
 * skipped over, so keys do not overlap. */
void
rk_find_slogans(const char *s, size_t n, rk_emit *emit, void *ctx)
{
	size_t i = 0;
	unsigned prev = 0;
	struct chars c;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		int len, used = 0;
		unsigned cp;
		/* numerals are three-byte Han, the formula starts with a digit */
		if (b < 0xE4 && !(b >= '0' && b <= '9') && b != 0xEF) {
			i++;
			prev = b < 0x80 ? b : 0;
			continue;
		}
		cp = rk_u8dec(s + i, n - i, &len);
		if ((is_numeral(cp) || is_ascii_digit(rk_fold(cp))) &&
		    !(prev == U'第' || prev == U'之' || is_numeral(prev) ||
		      is_ascii_alnum(rk_fold(prev)) || rk_fold(prev) == '.')) {
			decode_ahead(s, n, i, &c);
			if (is_ascii_digit(c.cp[0]))
				used = formula(&c, 0);
			else if (!(used = parallel(&c, 0)))
				used = counted(&c, 0);
		}
		if (used) {
			emit(ctx, s + i, c.off[used] - i, i);
			i = c.off[used];
			prev = c.cp[used - 1];
			continue;
		}
		prev = cp;
		i += (size_t)len;
	}
}

/* ---- n-grams ------------------------------------------------------------ */

void
rk_find_ngrams(const char *s, size_t n, int lo, int hi, rk_emit *emit, void *ctx)
{
	size_t ring[32];        /* start offsets of the last hi characters of the run */
	unsigned run = 0;       /* length of the current run */
	size_t i = 0;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		unsigned cp;
		int len, k;
		if (b < 0xE3) {        /* ASCII and two-byte: never Han */
			run = 0;
			i += b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
			continue;
		}
		cp = rk_u8dec(s + i, n - i, &len);
		if (!rk_is_cjk(cp)) {
			run = 0;
			i += (size_t)len;
			continue;
		}
		ring[run % 32] = i;
		run++;
		i += (size_t)len;
		for (k = lo; k <= hi && (unsigned)k <= run; k++) {
			size_t start = ring[(run - (unsigned)k) % 32];
			emit(ctx, s + start, i - start, start);
		}
	}
}
