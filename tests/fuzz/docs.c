/* The doc-per-row reader (reader.c: the packed form, --text and --id):
 * the first byte picks the columns (by number on rows without a header,
 * or by name under a header put before the rest), whether columns are
 * carried, and blocks or lines (rsplit -u doc).  Every block keeps the
 * promises of raw text; a doc name and the carried columns are valid
 * UTF-8 and hold no raw tab or line end. */
#include "fuzz.h"

static const char *const headers[] = {
	"doc\ttext\n",
	"id\ttext\n",
	"id\tyear\ttext\n",
	"year\tid\ttext\textra\n",
};

static void
check_row(rk_reader *r, const char *doc)
{
	size_t k;
	const char *carried = rk_carried(r, &k);
	FUZZ_ASSERT(doc != NULL);
	FUZZ_ASSERT(fuzz_valid_utf8(doc, strlen(doc)));
	FUZZ_ASSERT(fuzz_valid_utf8(carried, k));
	FUZZ_ASSERT(!memchr(carried, '\n', k) && !memchr(carried, '\r', k));
	FUZZ_ASSERT(k == 0 || carried[0] == '\t');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	static const char *const numbers[] = { "1", "2", "3" };
	char path[64];
	rk_opts o = { 0 };
	rk_reader *r;
	uint8_t *doc;
	size_t n;
	unsigned how;
	if (size == 0)
		return 0;
	how = data[0];
	if (how & 1) {
		/* by number: --text 1..3, --id a column before it or none */
		int text = (int)(how >> 1) % 3, id = (int)(how >> 3) % 4 - 1;
		o.text_col = numbers[text];
		o.id_col = id >= 0 && id < text ? numbers[id] : NULL;
		doc = malloc(size);
		FUZZ_ASSERT(doc);
		memcpy(doc, data + 1, size - 1);
		n = size - 1;
	} else {
		const char *h = headers[(how >> 1) % 4];
		size_t hl = strlen(h);
		if ((how >> 1) % 4 == 0) {
			o.text_col = NULL;   /* rkit's own packed form: doc text */
		} else {
			o.text_col = "text";
			o.id_col = "id";
		}
		n = hl + size - 1;
		doc = malloc(n);
		FUZZ_ASSERT(doc);
		memcpy(doc, h, hl);
		memcpy(doc + hl, data + 1, size - 1);
	}
	o.carry = (how >> 5) & 1;
	fuzz_file(doc, n, path);
	free(doc);
	argv0 = "fuzz-docs";
	rk_status = 0;
	if (!(r = rk_open(path, &o)))
		return 0;
	if (how & 0x40) {
		const char *s;
		size_t len;
		long line, col0;
		int newdoc;
		while (rk_next_line(r, &s, &len, &line, &col0, &newdoc)) {
			FUZZ_ASSERT(fuzz_valid_utf8(s, len));
			FUZZ_ASSERT(!memchr(s, '\n', len));
			FUZZ_ASSERT(line >= 1 && col0 >= 0);
			check_row(r, rk_docname(r));
		}
	} else {
		const rk_block *b;
		while ((b = rk_next(r))) {
			fuzz_check_block(b, 0);
			check_row(r, b->doc);
		}
	}
	rk_close(r);
	return 0;
}
