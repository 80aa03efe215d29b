/* The TSV reader (reader.c, tsv.c): rkit TSV read back row by row.  Input
 * that does not start with a header gets one of rsplit's headers (the first
 * byte picks which), so the fuzzer spends its time on rows; input that does
 * start with "doc\t" keeps its own header.  The blocks go on to the amount
 * scanner, as in `rsplit | rmetric`. */
#include "fuzz.h"
#include "metric.h"

static const char *const headers[] = {
	"doc\tsect\tline\tcol\tkind\ttext\n",
	"doc\tsect\tline\tcol\ttext\n",
	"doc\tline\ttext\n",
	"doc\tsect\tline\tcol\tlevel\tkind\tmarker\ttitle\n",
	"doc\tsect\tline\tcol\tkind\tmarker\ttext\textra\n",
};
#define NHDR (sizeof headers / sizeof headers[0])

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	char path[64];
	rk_reader *r;
	const rk_block *b;
	rk_mscan sc;
	uint8_t *doc;
	size_t n;
	if (size == 0)
		return 0;
	if (size >= 4 && memcmp(data, "doc\t", 4) == 0) {
		doc = malloc(size);
		FUZZ_ASSERT(doc);
		memcpy(doc, data, size);
		n = size;
	} else {
		const char *h = headers[data[0] % NHDR];
		size_t hl = strlen(h);
		n = hl + size - 1;
		doc = malloc(n);
		FUZZ_ASSERT(doc);
		memcpy(doc, h, hl);
		memcpy(doc + hl, data + 1, size - 1);
	}
	fuzz_file(doc, n, path);
	free(doc);
	argv0 = "fuzz-tsv";
	rk_status = 0;
	if (!(r = rk_open(path, NULL)))
		return 0;
	rk_mscan_doc(&sc, 1);
	while ((b = rk_next(r))) {
		rk_amount a;
		fuzz_check_block(b, 1);
		rk_mscan_block(&sc, b->text, b->len, b->para_start);
		while (rk_mscan_next(&sc, &a)) {
			long line, col;
			FUZZ_ASSERT(a.off <= b->len && a.len <= b->len - a.off);
			rk_pos(b, a.off, &line, &col);
		}
	}
	rk_close(r);
	return 0;
}
