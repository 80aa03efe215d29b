/* The amount scanner (metric.c): valid UTF-8 text cut into blocks at
 * newlines, one document, every amount and (first byte odd) every
 * ruled-out number, with its clause.  Offsets must stay inside the block,
 * and a second scanner going by rk_mscan_marks() (as rmetric does when it
 * reads ahead) must find the same. */
#include "fuzz.h"
#include "metric.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	static int units_added;
	rk_mscan sc, sc2;
	size_t n, start = 0;
	char *s;
	int all;
	if (size == 0)
		return 0;
	if (!units_added) {
		rk_units_add("标准箱");   /* a user unit, as -U adds one */
		units_added = 1;
	}
	all = data[0] & 1;
	s = fuzz_utf8(data + 1, size - 1, 1, &n);
	rk_mscan_doc(&sc, all);
	rk_mscan_doc(&sc2, all);
	while (start <= n) {
		const char *nl = memchr(s + start, '\n', n - start);
		size_t end = nl ? (size_t)(nl - s) : n;
		size_t blen = end - start;
		/* each block in its own exact-size buffer */
		char *blk = malloc(blen ? blen : 1);
		rk_amount a, a2;
		long count = 0;
		unsigned *marks = malloc((blen / 4 + 16) * sizeof *marks);
		size_t nmarks;
		FUZZ_ASSERT(blk && marks);
		memcpy(blk, s + start, blen);
		rk_mscan_block(&sc, blk, blen, start == 0 || (blen && blk[0] != ' '));
		rk_mscan_block(&sc2, blk, blen, start == 0 || (blen && blk[0] != ' '));
		nmarks = rk_mscan_marks(blk, blen, marks, blen / 4 + 16);
		if (nmarks != (size_t)-1)
			rk_mscan_use_marks(&sc2, marks, nmarks);
		while (rk_mscan_next(&sc, &a)) {
			FUZZ_ASSERT(rk_mscan_next(&sc2, &a2));
			FUZZ_ASSERT(a2.off == a.off && a2.len == a.len && a2.why == a.why &&
			            a2.na == a.na && a2.v.mant == a.v.mant && a2.v.exp == a.v.exp &&
			            strcmp(a2.unit, a.unit) == 0 && a2.subj_off == a.subj_off &&
			            a2.subj_len == a.subj_len && a2.dir == a.dir);
			FUZZ_ASSERT(++count <= (long)blen + 1);
			FUZZ_ASSERT(a.off <= blen && a.len <= blen - a.off);
			FUZZ_ASSERT(a.why < RK_WHY_N);
			FUZZ_ASSERT(memchr(a.unit, '\0', sizeof a.unit) != NULL);
			if (a.approx_len)
				FUZZ_ASSERT(a.approx_off <= blen && a.approx_len <= blen - a.approx_off);
			if (a.subj_len)
				FUZZ_ASSERT(a.subj_off <= blen && a.subj_len <= blen - a.subj_off);
			rk_mscan_clause(&sc, &a);
			FUZZ_ASSERT(a.clause_off <= blen && a.clause_len <= blen - a.clause_off);
			if (!a.na) {
				char buf[RK_DEC_MAX];
				int k = rk_dec_fmt(a.v, buf);
				FUZZ_ASSERT(k > 0 && k < RK_DEC_MAX);
			}
		}
		FUZZ_ASSERT(!rk_mscan_next(&sc2, &a2));
		free(marks);
		free(blk);
		if (!nl)
			break;
		start = end + 1;
	}
	free(s);
	return 0;
}
