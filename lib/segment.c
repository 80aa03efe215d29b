/* Word segmentation the way jieba's precise mode without HMM does it
 * (jieba.cut(s, HMM=False)), so that counts agree with what users get from
 * jieba + Counter:
 *   - the text is cut into runs of "Han" characters in jieba's sense
 *     (U+4E00..U+9FD5, ASCII letters and digits, + # & . _ % -); every
 *     other character is a token by itself;
 *   - in a run, every dictionary word starting at each character is an
 *     edge of a DAG (a character with none is an edge of its own), and the
 *     route is the one of highest sum of log(freq / total), ties going to
 *     the longer word, computed from the end backwards;
 *   - single ASCII letters or digits left by the route are joined. */
#include <stdlib.h>
#include <string.h>

#include "rkit.h"
#include "count.h"

struct rk_seg {
	const rk_dict *dict;
	double logtotal;
	/* per run, grown as needed */
	unsigned *cp;
	size_t *off;           /* byte offset of each character, and of the end */
	double *route;
	int *next;
	size_t cap;
};

/* Natural logarithm, in long double so that the double result is the
 * correctly rounded one (as the C library's, which jieba's Python uses)
 * in all but rare cases; written here to need no -lm. */
static double
ln(double x)
{
	static const long double ln2 = 0.693147180559945309417232121458176568L;
	long double m = x, s, s2, term, sum;
	int e = 0, k;
	if (!(x > 0))
		return -1e300;
	while (m >= 1.4142135623730950488L) { m /= 2; e++; }
	while (m < 0.70710678118654752440L) { m *= 2; e--; }
	s = (m - 1) / (m + 1);
	s2 = s * s;
	term = s;
	sum = 0;
	for (k = 1; k < 60; k += 2) {
		long double t = term / k;
		sum += t;
		if (t < 1e-22L && t > -1e-22L)
			break;
		term *= s2;
	}
	return (double)(e * ln2 + 2 * sum);
}

/* Dictionary frequencies are mostly small integers, many words sharing
 * one: their logarithms are computed once (the same ln(), the same
 * doubles), which takes most of ln()'s share of loading. */
enum { LNMEMO = 1 << 16 };
struct scorectx { double logtotal; double *memo; unsigned char *have; };

static double
word_score(double freq, void *ctx)
{
	struct scorectx *c = ctx;
	double l;
	if (freq >= 0 && freq < LNMEMO && freq == (double)(unsigned)freq) {
		unsigned i = (unsigned)freq;
		if (!c->have[i]) {
			c->memo[i] = ln(freq);
			c->have[i] = 1;
		}
		l = c->memo[i];
	} else
		l = ln(freq);
	/* jieba: log(freq) - log(total), in that order */
	return l - c->logtotal;
}

rk_seg *
rk_seg_new(rk_dict *d)
{
	rk_seg *g = rk_alloc(sizeof *g);
	struct scorectx c;
	memset(g, 0, sizeof *g);
	g->dict = d;
	g->logtotal = ln(rk_dict_total(d));
	c.logtotal = g->logtotal;
	c.memo = rk_alloc(LNMEMO * sizeof *c.memo);
	c.have = calloc(LNMEMO, 1);
	if (!c.have)
		rk_die(1, "out of memory");
	rk_dict_score(d, word_score, &c);
	free(c.memo);
	free(c.have);
	return g;
}

void
rk_seg_free(rk_seg *g)
{
	if (!g)
		return;
	free(g->cp);
	free(g->off);
	free(g->route);
	free(g->next);
	free(g);
}

static int
jieba_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FD5) || (cp >= '0' && cp <= '9') ||
	       (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '+' || cp == '#' ||
	       cp == '&' || cp == '.' || cp == '_' || cp == '%' || cp == '-';
}

static int
ascii_alnum(unsigned cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static void
grow(rk_seg *g, size_t n)
{
	if (n + 1 <= g->cap)
		return;
	g->cap = n + 1 > 2 * g->cap ? n + 1 : 2 * g->cap;
	g->cp = rk_realloc(g->cp, g->cap * sizeof *g->cp);
	g->off = rk_realloc(g->off, g->cap * sizeof *g->off);
	g->route = rk_realloc(g->route, g->cap * sizeof *g->route);
	g->next = rk_realloc(g->next, g->cap * sizeof *g->next);
}

/* One run of jieba_han characters, s[0..n), its N code points and their
 * offsets already in g->cp and g->off.  The route is computed from the end
 * backwards, so the words starting at k are weighed as the walk finds them
 * (rk_dict_route()): no DAG is stored. */
static void
cut_run(rk_seg *g, const char *s, size_t n, int N, size_t base, rk_emit *emit, void *ctx)
{
	int k, x, buf = -1;

	g->off[N] = n;
	g->route[N] = 0;
	for (k = N - 1; k >= 0; k--) {
		double best;
		int len = rk_dict_route(g->dict, g->cp + k, N - k, g->route + k, &best);
		if (!len) {   /* FREQ.get(c) or 1: log 1 = 0 */
			best = (0 - g->logtotal) + g->route[k + 1];
			len = 1;
		}
		g->route[k] = best;
		g->next[k] = k + len;
	}
	for (x = 0; x < N; x = g->next[x]) {
		int y = g->next[x];
		if (y == x + 1 && ascii_alnum(g->cp[x])) {
			if (buf < 0)
				buf = x;
			continue;
		}
		if (buf >= 0) {
			emit(ctx, s + g->off[buf], g->off[x] - g->off[buf], base + g->off[buf]);
			buf = -1;
		}
		emit(ctx, s + g->off[x], g->off[y] - g->off[x], base + g->off[x]);
	}
	if (buf >= 0)
		emit(ctx, s + g->off[buf], n - g->off[buf], base + g->off[buf]);
}

/* Each character is decoded once, into the run's arrays as it goes. */
void
rk_seg_cut(rk_seg *g, const char *s, size_t n, rk_emit *emit, void *ctx)
{
	size_t i = 0, run = 0;
	int N = 0;
	while (i < n) {
		int len;
		unsigned cp = rk_u8dec_fast(s + i, n - i, &len);
		if (jieba_han(cp)) {
			if (!N)
				run = i;
			grow(g, (size_t)N + 1);
			g->cp[N] = cp;
			g->off[N++] = i - run;
		} else {
			if (N)
				cut_run(g, s + run, i - run, N, run, emit, ctx);
			N = 0;
			emit(ctx, s + i, (size_t)len, i);
		}
		i += (size_t)len;
	}
	if (N)
		cut_run(g, s + run, n - run, N, run, emit, ctx);
}

int
rk_is_wordlike(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int len;
		unsigned cp = rk_u8dec_fast(s + i, n - i, &len);
		/* most tokens: a Han character of the basic block (rk_is_cjk())
		 * or ASCII (which rk_fold() keeps), without the two calls */
		if (cp >= 0x4E00 && cp <= 0x9FFF)
			return 1;
		if (cp < 0x80 ? ascii_alnum(cp) : ascii_alnum(rk_fold(cp)) || rk_is_cjk(cp))
			return 1;
		i += (size_t)len;
	}
	return 0;
}
