/* The option files a user writes (rmetric -U, rcount -w -D -f): the input
 * up to its first empty line is the file, the rest the text it is used
 * on; the first byte picks the kind.  Whatever the file holds, it is
 * refused with a message or loaded, and what is found with it in valid
 * text lies inside the text and is valid UTF-8. */
#include "fuzz.h"
#include "count.h"
#include "metric.h"

struct ctx {
	const char *s;
	size_t n, next;   /* segments: each token starts where the last ended */
	int tiled;
};

static void
check_key(void *vctx, const char *key, size_t len, size_t off)
{
	struct ctx *x = vctx;
	FUZZ_ASSERT(len > 0);
	FUZZ_ASSERT(off <= x->n && len <= x->n - off && key == x->s + off);
	FUZZ_ASSERT(fuzz_valid_utf8(key, len));
	if (x->tiled) {
		FUZZ_ASSERT(off == x->next);
		x->next = off + len;
	}
}

/* -U units stay for the life of the process (one set per program): load
 * a bounded number of files so that the table does not grow without end. */
static int units_loads;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	char path[64], err[256];
	const uint8_t *sep;
	size_t flen, i;
	struct ctx x;
	char *s;
	int kind;
	if (size < 2)
		return 0;
	kind = data[0] % 4;
	sep = memmem(data + 1, size - 1, "\n\n", 2);
	flen = sep ? (size_t)(sep - data) - 1 : size - 1;
	fuzz_file(data + 1, flen, path);
	s = fuzz_utf8(sep ? sep + 2 : data + size, sep ? size - (size_t)(sep + 2 - data) : 0, 1, &x.n);
	x.s = s;
	x.next = 0;
	x.tiled = 0;
	argv0 = "fuzz-lists";
	if (kind == 0) {
		rk_mscan sc;
		rk_amount a;
		if (units_loads >= 2000)
			goto done;
		units_loads++;
		if (rk_units_load(path) < 0)
			goto done;
		/* four-byte characters reach the known find_subject() table
		 * overrun (issue 10, the metric target's): kept out of here */
		for (i = 0; i < x.n; i++)
			if ((unsigned char)s[i] >= 0xF0)
				memset(s + i, '?', 4), i += 3;
		rk_mscan_doc(&sc, data[0] & 4);
		rk_mscan_block(&sc, s, x.n, 1);
		while (rk_mscan_next(&sc, &a)) {
			FUZZ_ASSERT(a.off <= x.n && a.len <= x.n - a.off);
			FUZZ_ASSERT(fuzz_valid_utf8(s + a.off, a.len));
			FUZZ_ASSERT(memchr(a.unit, '\0', sizeof a.unit));
			FUZZ_ASSERT(fuzz_valid_utf8(a.unit, strlen(a.unit)));
			FUZZ_ASSERT(a.subj_off <= x.n && a.subj_len <= x.n - a.subj_off);
			FUZZ_ASSERT(fuzz_valid_utf8(s + a.subj_off, a.subj_len));
		}
	} else if (kind == 1 || kind == 2) {
		/* -w terms, or -D a jieba dictionary for -W */
		rk_dict *d = rk_dict_new();
		if (rk_dict_load(d, path, kind == 2, err, sizeof err) == 0) {
			rk_dict_build(d);
			if (kind == 1) {
				rk_find_terms(d, s, x.n, check_key, &x);
			} else {
				rk_seg *g = rk_seg_new(d);
				x.tiled = 1;
				rk_seg_cut(g, s, x.n, check_key, &x);
				/* every token is emitted: they cover the text */
				FUZZ_ASSERT(x.next == x.n);
				rk_seg_free(g);
			}
		} else {
			FUZZ_ASSERT(err[0] != '\0');
		}
		rk_dict_free(d);
	} else {
		/* -f: patterns one a line, compiled as rcount does, matched */
		pcre2_match_data *md = pcre2_match_data_create(16, NULL);
		pcre2_match_context *mc = pcre2_match_context_create(NULL);
		size_t start = 0;
		const char *f = (const char *)data + 1;
		FUZZ_ASSERT(md && mc);
		/* bounded work per pattern, as a fuzz run needs */
		pcre2_set_match_limit(mc, 100000);
		pcre2_set_depth_limit(mc, 1000);
		while (start < flen) {
			const char *nl = memchr(f + start, '\n', flen - start);
			size_t end = nl ? (size_t)(nl - f) : flen, len = end - start;
			int e;
			PCRE2_SIZE eoff;
			pcre2_code *re;
			while (len > 0 && f[start + len - 1] == '\r')
				len--;
			if (len > 0 && (re = pcre2_compile((PCRE2_SPTR)(f + start), len, RK_REGEX_OPTIONS, &e,
			                                   &eoff, NULL))) {
				uint32_t groups;
				pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &groups);
				if (groups < 16)
					rk_find_regex(re, md, mc, s, x.n, check_key, &x);
				pcre2_code_free(re);
			}
			start = end + 1;
		}
		pcre2_match_context_free(mc);
		pcre2_match_data_free(md);
	}
done:
	free(s);
	return 0;
}
