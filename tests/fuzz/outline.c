/* The outline parser: UTF-8 report text -> classified blocks (reader.c,
 * outline.c, sentence.c) through rk_open()/rk_next(), as rsplit and rhead
 * read a file.  Read as plain text (not as rkit TSV) so every input reaches
 * the classifier; checks each block's promises (fuzz.h) and that the
 * outline never skips a level when it opens an entry. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	char path[64];
	rk_opts opts = { NULL, 1 };
	rk_reader *r;
	const rk_block *b;
	fuzz_file(data, size, path);
	argv0 = "fuzz-outline";
	rk_status = 0;
	if (!(r = rk_open(path, &opts)))
		return 0;
	while ((b = rk_next(r))) {
		fuzz_check_block(b, 0);
		if (b->entry == RK_E_HEADING || b->entry == RK_E_ITEM || b->entry == RK_E_LEAD)
			FUZZ_ASSERT(b->level >= 1);
		/* the sentence splitter on every block, whole sentences */
		{
			size_t off = 0;
			while (off < b->len) {
				size_t k = rk_sentence_len(b->text + off, b->len - off);
				FUZZ_ASSERT(k > 0 && k <= b->len - off);
				off += k;
			}
		}
	}
	rk_close(r);
	return 0;
}
