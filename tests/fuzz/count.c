/* rcount's finders (countspan.c) and its table (count.c): quotes, titles,
 * slogans and n-grams over valid UTF-8, every key counted.  Each key must
 * lie inside the text, be non-empty valid UTF-8, and the table must give
 * back what went in. */
#include "fuzz.h"
#include "count.h"

struct ctx {
	const char *s;
	size_t n;
	rk_count *c;
	long added;
};

static void
emit(void *vctx, const char *key, size_t len, size_t off)
{
	struct ctx *x = vctx;
	size_t klen;
	long id;
	FUZZ_ASSERT(len > 0);
	FUZZ_ASSERT(off <= x->n && len <= x->n - off);
	FUZZ_ASSERT(key >= x->s && key + len <= x->s + x->n);
	FUZZ_ASSERT(fuzz_valid_utf8(key, len));
	id = rk_count_add(x->c, (unsigned)(off & 3), key, len, 1);
	FUZZ_ASSERT(id >= 0);
	FUZZ_ASSERT(rk_count_key(x->c, (unsigned long)id, &klen) != NULL && klen == len);
	x->added++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	rk_count c;
	struct ctx x;
	size_t i;
	long total = 0;
	int lo, hi;
	if (size < 2)
		return 0;
	lo = data[0] % 4 + 1;
	hi = lo + data[0] / 64;
	x.s = fuzz_utf8(data + 1, size - 1, 0, &x.n);
	x.c = &c;
	x.added = 0;
	rk_count_init(&c, 0);
	rk_find_quotes(x.s, x.n, 50, emit, &x);
	rk_find_titles(x.s, x.n, 50, emit, &x);
	rk_find_slogans(x.s, x.n, emit, &x);
	rk_find_ngrams(x.s, x.n, lo, hi, emit, &x);
	rk_count_sort(&c, data[0] & 1);
	for (i = 0; i < c.nsorted; i++) {
		FUZZ_ASSERT(c.ent[i].n > 0);
		total += c.ent[i].n;
		if (i > 0)
			FUZZ_ASSERT(c.ent[i - 1].grp <= c.ent[i].grp);
	}
	FUZZ_ASSERT(total == x.added);
	rk_count_free(&c);
	free((void *)x.s);
	return 0;
}
