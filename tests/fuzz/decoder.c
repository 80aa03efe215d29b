/* The decoder: arbitrary bytes -> normalised UTF-8 lines (input.c).
 * The first byte picks an encoding to force (most values: detect), so the
 * iconv path sees GB18030, UTF-16 and Big5 as well as whatever detection
 * chooses.  Every line must be valid UTF-8 without NUL, CR or LF, no longer
 * than RK_LINE_MAX, with anchors inside it and line numbers that never go
 * back. */
#include "fuzz.h"
#include "internal.h"

static const char *const encodings[] = {
	"GB18030", "UTF-16", "UTF-16LE", "UTF-16BE", "BIG5", "UTF-8", "GBK", "UTF-32"
};
#define NENC (sizeof encodings / sizeof encodings[0])

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	char path[64];
	const char *enc = NULL;
	rk_input in;
	long lastline = 0;
	if (size == 0)
		return 0;
	if (data[0] < NENC)
		enc = encodings[data[0]];
	data++, size--;
	fuzz_file(data, size, path);
	argv0 = "fuzz-decoder";
	rk_status = 0;
	memset(&in, 0, sizeof in);
	if (rk_in_open(&in, path, enc, 1) < 0)
		return 0;
	while (rk_in_line(&in)) {
		size_t i;
		FUZZ_ASSERT(in.len <= RK_LINE_MAX + 8);
		FUZZ_ASSERT(fuzz_valid_utf8(in.line, in.len));
		FUZZ_ASSERT(memchr(in.line, '\n', in.len) == NULL);
		FUZZ_ASSERT(memchr(in.line, '\r', in.len) == NULL);
		FUZZ_ASSERT(memchr(in.line, '\0', in.len) == NULL);
		FUZZ_ASSERT(in.lineno >= lastline);
		lastline = in.lineno;
		for (i = 0; i < in.nanch; i++) {
			FUZZ_ASSERT(in.anchors[i].off <= in.len);
			FUZZ_ASSERT(in.anchors[i].col >= 0);
			FUZZ_ASSERT(i == 0 || in.anchors[i].off >= in.anchors[i - 1].off);
		}
	}
	rk_in_close(&in);
	return 0;
}
