/* Sentence ends: 。！？； and their twins, outside quotes and brackets. */
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rkit.h"
#include "chars.h"

/* 。！？；｡ and ASCII ! ? ; */
static int
is_end(unsigned cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF61 ||
	       cp == '!' || cp == '?' || cp == ';';
}

/* 1 if cp may be an opener, closer, end mark, straight quote or full stop:
 * every other character only becomes prev, so the loop below skips the
 * chain of tests for it.  One bit test per block of code points. */
static inline int
is_mark(unsigned cp)
{
	unsigned d;
	if (cp < 0x80)   /* " ! ( ) . ; ? [ ] */
		return cp < 0x40 ? (0x8800430600000000ULL >> cp & 1)
		                 : (0x28000000ULL >> (cp - 0x40) & 1);
	if ((d = cp - 0x3002) < 22)   /* 。 〈-】 〖〗 */
		return 0x30FFC1u >> d & 1;
	if ((d = cp - 0xFF01) < 32)   /* ！（）．；？ */
		return 0x44002181u >> d & 1;
	if ((d = cp - 0x2018) < 6)    /* ‘’“” */
		return 0x33u >> d & 1;
	return cp == 0xFF61;
}

/* Take the end mark at i plus any closers and repeated marks after it. */
static size_t
after_end(const char *s, size_t n, size_t i)
{
	while (i < n) {
		int l;
		unsigned cp = cp_at(s, n, i, &l);
		if ((!is_mark(cp) || (!is_end(cp) && !is_closer(cp))) && cp != 0x2026)
			break;
		i += (size_t)l;
	}
	return i;
}

/* The state of the scan below: quote and bracket depth, and the first end
 * mark seen inside them.  With skip, the openers at those offsets (from
 * base, ascending) are not openers: they never close.  With open, the
 * offsets of the openers still open are kept there (a stack). */
struct scan {
	int depth;
	size_t first_nested;
	size_t base;
	const size_t *skip;
	size_t nskip, iskip;
	size_t **open, *nopen, *opencap;
};

/* Is the opener at i one of the never closed? */
static int
skipped(struct scan *st, size_t i)
{
	size_t at = st->base + i;
	while (st->iskip < st->nskip && st->skip[st->iskip] < at)
		st->iskip++;
	return st->iskip < st->nskip && st->skip[st->iskip] == at;
}

static void
opened(struct scan *st, size_t i)
{
	st->depth++;
	if (!st->open)
		return;
	if (*st->nopen == *st->opencap) {
		*st->opencap = *st->opencap ? 2 * *st->opencap : 64;
		*st->open = rk_realloc(*st->open, *st->opencap * sizeof **st->open);
	}
	(*st->open)[(*st->nopen)++] = st->base + i;
}

static void
closed(struct scan *st)
{
	if (st->depth > 0) {
		st->depth--;
		if (st->open)
			(*st->nopen)--;
	}
}

/* The mark cp (l bytes) at i, after the character prev: the length of the
 * sentence if it ends here, else 0 (a sentence is never empty). */
static size_t
at_mark(const char *s, size_t n, size_t i, unsigned cp, int l, unsigned prev, struct scan *st)
{
	if (st->skip && (is_opener(cp) || cp == '"') && skipped(st, i))
		return 0;
	if (is_opener(cp)) {
		opened(st, i);
	} else if (is_closer(cp)) {
		closed(st);
		/* “…。” ends where the quote closes */
		if (st->depth == 0 && is_end(prev))
			return after_end(s, n, i);
	} else if (cp == '"') {
		/* straight quotes alternate */
		if (st->depth > 0 && prev != ' ')
			closed(st);
		else
			opened(st, i);
	} else if (is_end(cp)) {
		if (st->depth == 0)
			return after_end(s, n, i);
		if (!st->first_nested)
			st->first_nested = i;
	} else if ((cp == '.' || cp == 0xFF0E) && st->depth == 0) {
		/* a full stop, not 37.8 or 1.扎实 or www.x */
		size_t j = i + (size_t)l;
		int nl;
		unsigned next = j < n ? cp_at(s, n, j, &nl) : 0;
		unsigned p = rk_fold(prev), q = rk_fold(next);
		int alnum_before = is_ascii_digit(p) || (p < 0x80 && (p | 0x20) >= 'a' && (p | 0x20) <= 'z');
		if (next == 0 || (next == ' ' && !is_ascii_digit(p)) || is_closer(next) ||
		    (!alnum_before && rk_is_cjk(q)))
			return after_end(s, n, j);
	}
	return 0;
}

#ifdef __SSE2__
#define B(x) _mm_set1_epi8((char)(x))
#define EQ(v, x) _mm_cmpeq_epi8(v, B(x))

/* One bit for each of the sixteen bytes at s that starts a mark (see
 * is_mark()); s[0..18) must be readable.  Most characters are none, so the
 * scan tests bytes this way, with no branch for each character.  A bit on
 * some other character would be harmless (at_mark() ignores it), but the
 * tests are exact. */
static unsigned
marks16(const char *s)
{
	__m128i v0 = _mm_loadu_si128((const __m128i *)s);
	__m128i v1 = _mm_loadu_si128((const __m128i *)(s + 1));
	__m128i v2 = _mm_loadu_si128((const __m128i *)(s + 2));
	__m128i ascii, e2, e3, ef, efbd, t;
	/* ! " ( ) . ; ? [ ] */
	t = _mm_sub_epi8(v0, B('!'));
	ascii = _mm_cmpeq_epi8(_mm_min_epu8(t, B(1)), t);
	ascii = _mm_or_si128(ascii, EQ(_mm_and_si128(v0, B(0xFE)), '('));
	ascii = _mm_or_si128(ascii, _mm_or_si128(EQ(v0, '.'), EQ(v0, ';')));
	ascii = _mm_or_si128(ascii, _mm_or_si128(EQ(v0, '?'), _mm_or_si128(EQ(v0, '['), EQ(v0, ']'))));
	/* ‘’“”: E2 80 98 99 9C 9D */
	e2 = _mm_and_si128(EQ(v0, 0xE2), EQ(v1, 0x80));
	e2 = _mm_and_si128(e2, EQ(_mm_and_si128(v2, B(0xFA)), 0x98));
	/* 。 and 〈 to 】, 〖〗: E3 80 82, 88-91, 96 97 */
	e3 = _mm_and_si128(EQ(v0, 0xE3), EQ(v1, 0x80));
	t = _mm_sub_epi8(v2, B(0x88));
	t = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t, B(9)), t), EQ(v2, 0x82));
	t = _mm_or_si128(t, EQ(_mm_and_si128(v2, B(0xFE)), 0x96));
	e3 = _mm_and_si128(e3, t);
	/* ！（）．；？: EF BC 81 88 89 8E 9B 9F; ｡: EF BD A1 */
	ef = EQ(v0, 0xEF);
	efbd = _mm_and_si128(EQ(v1, 0xBD), EQ(v2, 0xA1));
	t = _mm_or_si128(EQ(v2, 0x81), EQ(_mm_and_si128(v2, B(0xFE)), 0x88));
	t = _mm_or_si128(t, _mm_or_si128(EQ(v2, 0x8E), EQ(_mm_and_si128(v2, B(0xFB)), 0x9B)));
	ef = _mm_and_si128(ef, _mm_or_si128(_mm_and_si128(EQ(v1, 0xBC), t), efbd));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ascii, e2), _mm_or_si128(e3, ef)));
}
#undef B
#undef EQ
#endif

/* The end of the first sentence of s[0..n) (its length), or 0 if the scan
 * reached n without one; st says how it ended. */
static size_t
scan(const char *s, size_t n, struct scan *st)
{
	size_t i = 0, r, b;
	unsigned prev;
#ifdef __SSE2__
	/* only the marks matter: the character before one is its prev */
	for (; i + 18 <= n; i += 16) {
		unsigned m = marks16(s + i);
		while (m) {
			size_t at = i + (size_t)__builtin_ctz(m);
			int l;
			unsigned cp = cp_at(s, n, at, &l);
			m &= m - 1;
			if ((r = at_mark(s, n, at, cp, l, at ? cp_before(s, at, &b) : 0, st)) != 0)
				return r;
		}
	}
	/* on to the next character boundary: those begun before i are done */
	while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
#endif
	prev = i ? cp_before(s, i, &b) : 0;
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
		cp = cp_at(s, n, i, &l);
		if (is_mark(cp) && (r = at_mark(s, n, i, cp, l, prev, st)) != 0)
			return r;
		prev = cp;
		i += (size_t)l;
	}
	return 0;
}

/* A quote or bracket opened and never closed (“两个维护“, an IME's slip)
 * would hold the rest of the text in one sentence: such openers are not
 * openers.  They are found by a scan that keeps the open ones, and the
 * cutter keeps them for the sentences after, each of which then ends at
 * depth 0 as if those openers were plain characters; so each sentence
 * costs its own length, not the rest of the text (which made cutting many
 * unclosed openers quadratic). */
size_t
rk_sentence_at(rk_sentcut *c, size_t off)
{
	const char *s = c->s + off;
	size_t n = c->n - off, r;
	struct scan st;
	memset(&st, 0, sizeof st);
	st.base = off;
	if (c->nskip) {
		/* offsets only grow: those before off are done with */
		while (c->iskip < c->nskip && c->skip[c->iskip] < off)
			c->iskip++;
		st.skip = c->skip;
		st.nskip = c->nskip;
		st.iskip = c->iskip;
	}
	if ((r = scan(s, n, &st)) != 0)
		return r;
	if (st.depth > 0 && !c->nskip) {
		/* again, keeping the open ones, then without them */
		size_t nopen = 0;
		memset(&st, 0, sizeof st);
		st.base = off;
		st.open = &c->skip;
		st.nopen = &nopen;
		st.opencap = &c->skipcap;
		scan(s, n, &st);
		c->nskip = nopen;
		c->iskip = 0;
		memset(&st, 0, sizeof st);
		st.base = off;
		st.skip = c->skip;
		st.nskip = c->nskip;
		if ((r = scan(s, n, &st)) != 0)
			return r;
	}
	/* still open (not expected): the first end mark inside */
	if (st.depth > 0 && st.first_nested)
		return after_end(s, n, st.first_nested);
	return n;
}

void
rk_sentcut_init(rk_sentcut *c, const char *s, size_t n)
{
	c->s = s;
	c->n = n;
	c->nskip = c->iskip = 0;
}

void
rk_sentcut_free(rk_sentcut *c)
{
	free(c->skip);
	c->skip = NULL;
	c->skipcap = c->nskip = c->iskip = 0;
}

size_t
rk_sentence_len(const char *s, size_t n)
{
	rk_sentcut c = { 0 };
	size_t r;
	rk_sentcut_init(&c, s, n);
	r = rk_sentence_at(&c, 0);
	rk_sentcut_free(&c);
	return r;
}
