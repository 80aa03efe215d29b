/* Dictionaries: a static trie over code points with every node's children
 * stored together and sorted, so that a walk is a binary search per
 * character (a direct table for the first one).  Used for -w term lists
 * (leftmost-longest matching in one pass: the trie equivalent of
 * Aho-Corasick for non-overlapping matches) and for -W segmentation. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rkit.h"
#include "count.h"

enum { MAX_WORD_BYTES = 400 };

/* pre: the first eight bytes, big-endian, zeros after the end: compared
 * as one number they order most pairs of words without memcmp() */
struct word { size_t off; unsigned len; unsigned order; double freq; uint64_t pre; };
/* word: the word ending here, -1 if none (or its frequency is 0);
 * score: its frequency, or what rk_dict_score() made of it */
struct node { unsigned cp, first, nchild; int word; double score; };

/* key: the first code point << 16 | the second; node 0 (the root) marks
 * an empty slot.  The node's word flag and whether it has children are in
 * node's top bits: -W reads the node only for a word's score. */
struct pairslot { unsigned key, node; };
enum { PAIR_WORD = 1u << 31, PAIR_KIDS = 1u << 30, PAIR_NODE = PAIR_KIDS - 1 };

struct rk_dict {
	char *bytes;               /* the words, back to back */
	size_t nbytes, bytescap;
	struct word *words;
	size_t nwords, wordscap;
	struct node *nodes;
	size_t nnodes, nodescap;
	unsigned *cps;             /* nodes[i].cp, packed: a search reads few cache lines */
	unsigned *root;            /* BMP code point -> child of the root, 0 if none */
	struct pairslot *pairs;    /* two BMP code points -> their node (a hash) */
	unsigned pairmask, pairshift;
	double total;
	int built;
};

rk_dict *
rk_dict_new(void)
{
	rk_dict *d = rk_alloc(sizeof *d);
	memset(d, 0, sizeof *d);
	return d;
}

void
rk_dict_add(rk_dict *d, const char *w, size_t len, double freq)
{
	struct word *x;
	size_t i;
	if (d->nbytes + len > d->bytescap) {
		d->bytescap = d->bytescap ? d->bytescap * 2 : 1 << 16;
		while (d->bytescap < d->nbytes + len)
			d->bytescap *= 2;
		d->bytes = rk_realloc(d->bytes, d->bytescap);
	}
	if (d->nwords == d->wordscap) {
		d->wordscap = d->wordscap ? d->wordscap * 2 : 1024;
		d->words = rk_realloc(d->words, d->wordscap * sizeof *d->words);
	}
	memcpy(d->bytes + d->nbytes, w, len);
	x = &d->words[d->nwords];
	x->off = d->nbytes;
	x->len = (unsigned)len;
	x->order = (unsigned)d->nwords++;
	x->freq = freq;
	x->pre = 0;
	for (i = 0; i < 8; i++)
		x->pre = x->pre << 8 | (i < len ? (unsigned char)w[i] : 0u);
	d->nbytes += len;
	d->total += freq;
}

static const char *sortbytes;   /* for qsort's comparator */

static int
wordcmp(const void *pa, const void *pb)
{
	const struct word *a = pa, *b = pb;
	int r;
	if (a->pre != b->pre)
		return a->pre < b->pre ? -1 : 1;
	r = rk_keycmp(sortbytes + a->off, a->len, sortbytes + b->off, b->len);
	if (r)
		return r;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* The words in wordcmp() order.  A radix sort on pre, eight passes of a
 * byte, moves 16-byte records where qsort() moved whole words through a
 * comparison each; being stable, it keeps words of equal pre in the order
 * they came (wordcmp()'s last key), and only runs of equal pre, words that
 * share their first eight bytes, go to qsort(). */
static void
sort_words(rk_dict *d)
{
	struct rec { uint64_t pre; size_t w; } *a, *b, *t;
	struct word *sorted;
	size_t n = d->nwords, i, j, count[256];
	int shift;

	sortbytes = d->bytes;
	if (n < 2)
		return;
	a = rk_alloc(n * sizeof *a);
	b = rk_alloc(n * sizeof *b);
	for (i = 0; i < n; i++) {
		a[i].pre = d->words[i].pre;
		a[i].w = i;
	}
	for (shift = 0; shift < 64; shift += 8) {
		size_t sum = 0;
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[a[i].pre >> shift & 0xFF]++;
		if (count[a[0].pre >> shift & 0xFF] == n)
			continue;   /* every word has this byte */
		for (i = 0; i < 256; i++) {
			size_t c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			b[count[a[i].pre >> shift & 0xFF]++] = a[i];
		t = a, a = b, b = t;
	}
	sorted = rk_alloc(d->wordscap * sizeof *sorted);
	for (i = 0; i < n; i++)
		sorted[i] = d->words[a[i].w];
	free(d->words);
	d->words = sorted;
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && sorted[j].pre == sorted[i].pre; j++)
			;
		if (j - i > 1)
			qsort(sorted + i, j - i, sizeof *sorted, wordcmp);
	}
	free(a);
	free(b);
}

static unsigned
newnodes(rk_dict *d, size_t k)
{
	unsigned first = (unsigned)d->nnodes;
	if (d->nnodes + k > d->nodescap) {
		d->nodescap = d->nodescap ? d->nodescap * 2 : 4096;
		while (d->nodescap < d->nnodes + k)
			d->nodescap *= 2;
		d->nodes = rk_realloc(d->nodes, d->nodescap * sizeof *d->nodes);
	}
	d->nnodes += k;
	return first;
}

static unsigned
word_cp(const rk_dict *d, size_t w, size_t boff, int *len)
{
	const struct word *x = &d->words[w];
	return rk_u8dec_fast(d->bytes + x->off + boff, x->len - boff, len);
}

/* Words [lo, hi) share the boff bytes that spell node; give node its word
 * and its children, each child's subtree built before the next. */
static void
build(rk_dict *d, unsigned node, size_t lo, size_t hi, size_t boff)
{
	size_t i, count = 0;
	unsigned first, prev = 0;
	int len;

	if (lo < hi && d->words[lo].len == boff) {
		/* a word of frequency 0 is a prefix only, as in jieba */
		if (d->words[lo].freq > 0) {
			d->nodes[node].word = (int)lo;
			d->nodes[node].score = d->words[lo].freq;
		}
		lo++;
	}
	for (i = lo; i < hi; i++) {
		unsigned cp = word_cp(d, i, boff, &len);
		if (i == lo || cp != prev)
			count++;
		prev = cp;
	}
	first = newnodes(d, count);
	d->nodes[node].first = first;
	d->nodes[node].nchild = (unsigned)count;
	for (i = lo; i < hi; first++) {
		unsigned cp = word_cp(d, i, boff, &len);
		size_t j = i + 1;
		int l2;
		while (j < hi && word_cp(d, j, boff, &l2) == cp)
			j++;
		d->nodes[first].cp = cp;
		d->nodes[first].first = 0;
		d->nodes[first].nchild = 0;
		d->nodes[first].word = -1;
		d->nodes[first].score = 0;
		build(d, first, i, j, boff + (size_t)len);
		i = j;
	}
}

static unsigned
pairhash(const rk_dict *d, unsigned key)
{
	return (key * 0x9E3779B1u) >> d->pairshift;   /* the product's top bits */
}

/* The second step of a walk, from a first character to the words' second
 * characters, was a binary search among hundreds of children (中 starts
 * thousands of words), a cache miss at each probe: one hash probe now. */
static void
build_pairs(rk_dict *d)
{
	size_t n = 0, size = 16;
	unsigned a, b;
	const struct node *r = &d->nodes[0];
	for (a = 0; a < r->nchild; a++)
		n += d->nodes[r->first + a].nchild;
	d->pairshift = 28;
	while (size < 2 * n && d->pairshift > 1) {
		size *= 2;
		d->pairshift--;
	}
	d->pairs = calloc(size, sizeof *d->pairs);
	if (!d->pairs)
		rk_die(1, "out of memory");
	d->pairmask = (unsigned)size - 1;
	for (a = 0; a < r->nchild; a++) {
		const struct node *x = &d->nodes[r->first + a];
		if (x->cp >= 0x10000)
			continue;
		for (b = 0; b < x->nchild; b++) {
			unsigned k = x->first + b, key, h;
			if (d->nodes[k].cp >= 0x10000)
				continue;
			key = x->cp << 16 | d->nodes[k].cp;
			for (h = pairhash(d, key); d->pairs[h].node; h = (h + 1) & d->pairmask)
				;
			d->pairs[h].key = key;
			d->pairs[h].node = k | (d->nodes[k].word >= 0 ? PAIR_WORD : 0) |
			                   (d->nodes[k].nchild ? PAIR_KIDS : 0);
		}
	}
}

/* The slot of c1 c2 (both BMP), NULL if no word starts so. */
static inline const struct pairslot *
pair_slot(const rk_dict *d, unsigned c1, unsigned c2)
{
	unsigned key = c1 << 16 | c2, h;
	for (h = pairhash(d, key); d->pairs[h].node; h = (h + 1) & d->pairmask)
		if (d->pairs[h].key == key)
			return &d->pairs[h];
	return NULL;
}

void
rk_dict_build(rk_dict *d)
{
	size_t i, o;
	unsigned c;

	sort_words(d);
	/* a repeated word keeps its last frequency, as jieba's dict does */
	for (i = 0, o = 0; i < d->nwords; i++) {
		if (o > 0 && rk_keycmp(d->bytes + d->words[o - 1].off, d->words[o - 1].len,
		                       d->bytes + d->words[i].off, d->words[i].len) == 0)
			o--;
		d->words[o++] = d->words[i];
	}
	d->nwords = o;
	newnodes(d, 1);
	d->nodes[0].cp = 0;
	d->nodes[0].word = -1;
	d->nodes[0].score = 0;
	build(d, 0, 0, d->nwords, 0);
	d->cps = rk_alloc(d->nnodes * sizeof *d->cps);
	for (i = 0; i < d->nnodes; i++)
		d->cps[i] = d->nodes[i].cp;
	d->root = calloc(0x10000, sizeof *d->root);
	if (!d->root)
		rk_die(1, "out of memory");
	for (c = 0; c < d->nodes[0].nchild; c++) {
		unsigned k = d->nodes[0].first + c;
		if (d->nodes[k].cp < 0x10000)
			d->root[d->nodes[k].cp] = k;
	}
	build_pairs(d);
	d->built = 1;
}

size_t rk_dict_size(const rk_dict *d) { return d->nwords; }
double rk_dict_total(const rk_dict *d) { return d->total; }
double rk_dict_freq(const rk_dict *d, int id) { return d->words[id].freq; }

static inline int
step(const rk_dict *d, int node, unsigned cp)
{
	const struct node *nd = &d->nodes[node];
	const unsigned *c = d->cps;
	unsigned lo = nd->first, hi = nd->first + nd->nchild;
	if (node == 0 && cp < 0x10000)
		return d->root[cp] ? (int)d->root[cp] : -1;
	while (hi - lo > 8) {
		unsigned mid = lo + (hi - lo) / 2;
		if (c[mid] <= cp)
			lo = mid;
		else
			hi = mid;
	}
	for (; lo < hi; lo++)
		if (c[lo] == cp)
			return (int)lo;
	return -1;
}

void
rk_dict_score(rk_dict *d, double (*f)(double freq, void *ctx), void *ctx)
{
	size_t i;
	for (i = 0; i < d->nnodes; i++)
		if (d->nodes[i].word >= 0)
			d->nodes[i].score = f(d->words[d->nodes[i].word].freq, ctx);
}

/* rk_dict_route() walks the words that are prefixes of cp[0..n) shortest
 * first (at most 128) and chooses among them as it finds them: -W stores
 * no DAG's edges to go over them again.  CONSIDER is one such word, of len
 * characters and score sc. */
#define CONSIDER(len, sc) do { \
		double sum_ = (sc) + route[len]; \
		found++; \
		/* >=: on a tie the longer word wins, as Python's max of (score, x) */ \
		if (!bestlen || sum_ >= b) { \
			b = sum_; \
			bestlen = (len); \
		} \
	} while (0)

int
rk_dict_route(const rk_dict *d, const unsigned *cp, int n, const double *route, double *best)
{
	int node, j = 1, found = 0, bestlen = 0;
	double b = 0;
	if (n > 0 && (node = step(d, 0, cp[0])) >= 0) {
		if (d->nodes[node].word >= 0)
			CONSIDER(1, d->nodes[node].score);
		if (n > 1 && d->pairs && cp[0] < 0x10000 && cp[1] < 0x10000) {
			/* the second character from the pair's slot only */
			const struct pairslot *p = pair_slot(d, cp[0], cp[1]);
			node = p && (p->node & PAIR_KIDS) ? (int)(p->node & PAIR_NODE) : -1;
			if (p && (p->node & PAIR_WORD))
				CONSIDER(2, d->nodes[p->node & PAIR_NODE].score);
			j = 2;
		}
		for (; j < n && node >= 0 && found < 128 && (node = step(d, node, cp[j])) >= 0; j++)
			if (d->nodes[node].word >= 0)
				CONSIDER(j + 1, d->nodes[node].score);
	}
	*best = b;
	return bestlen;
}

void
rk_dict_free(rk_dict *d)
{
	if (!d)
		return;
	free(d->bytes);
	free(d->words);
	free(d->nodes);
	free(d->cps);
	free(d->root);
	free(d->pairs);
	free(d);
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* strtod() for the usual frequency, up to 15 plain digits (exact in a
 * double) then a space or the end; anything else goes to strtod(). */
static double
plain_freq(char *s, char **end)
{
	long long v = 0;
	int i;
	for (i = 0; i < 15 && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (s[i] - '0');
	if (i == 0 || (s[i] != ' ' && s[i] != '\0'))
		return strtod(s, end);
	*end = s + i;
	return (double)v;
}

int
rk_dict_load(rk_dict *d, const char *path, int withfreq, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	long lineno = 0;
	int ok = 1;

	if (!f) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	while (ok && (got = getline(&line, &cap, f)) >= 0) {
		size_t a = 0, b = (size_t)got, wend;
		double freq = 1;
		lineno++;
		while (a < b && blank(line[a]))
			a++;
		while (b > a && blank(line[b - 1]))
			b--;
		if (a == b)
			continue;
		if (a == 0 && lineno == 1 && b >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
			a = 3;   /* a BOM */
		wend = b;
		if (withfreq) {
			/* jieba: "word freq [tag]", fields split on one space */
			char *end;
			wend = a;
			while (wend < b && line[wend] != ' ')
				wend++;
			line[b] = '\0';
			errno = 0;
			freq = wend < b ? plain_freq(line + wend + 1, &end) : -1;
			if (wend == b || errno || end == line + wend + 1 || (*end && *end != ' ') ||
			    !(freq >= 0 && freq <= 1e15) || freq != (double)(long long)freq) {
				snprintf(err, errlen, "line %ld: not \"word frequency [tag]\"", lineno);
				ok = 0;
				break;
			}
		}
		if (!rk_u8valid(line + a, wend - a)) {
			snprintf(err, errlen, "line %ld: not UTF-8", lineno);
			ok = 0;
		} else if (wend - a > MAX_WORD_BYTES) {
			snprintf(err, errlen, "line %ld: longer than %d bytes", lineno, MAX_WORD_BYTES);
			ok = 0;
		} else if (wend > a) {
			rk_dict_add(d, line + a, wend - a, freq);
		}
	}
	if (ok && ferror(f)) {
		snprintf(err, errlen, "%s", strerror(errno));
		ok = 0;
	}
	free(line);
	fclose(f);
	return ok ? 0 : -1;
}

static int
ascii_alnum_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

void
rk_find_terms(const rk_dict *d, const char *s, size_t n, rk_emit *emit, void *ctx)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i, best = 0;
		int node = 0, len;
		/* a Latin term does not start or end inside a Latin word: AI in MAIN */
		int edge_ok = !(i > 0 && ascii_alnum_at(s, i) && ascii_alnum_at(s, i - 1));
		while (edge_ok && j < n) {
			unsigned cp = rk_u8dec(s + j, n - j, &len);
			if ((node = step(d, node, cp)) < 0)
				break;
			j += (size_t)len;
			if (d->nodes[node].word >= 0 &&
			    !(j < n && ascii_alnum_at(s, j) && ascii_alnum_at(s, j - 1)))
				best = j;
		}
		if (best) {
			emit(ctx, s + i, best - i, i);
			i = best;
		} else {
			rk_u8dec(s + i, n - i, &len);
			i += (size_t)len;
		}
	}
}
