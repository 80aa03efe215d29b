/* Shared by the libFuzzer targets in this directory: a document in a
 * memfd, the input made valid UTF-8 for the pure text functions, and
 * checks that abort (a finding) when a library promise is broken. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

/* Written to file descriptor 2: stderr itself is /dev/null (fuzz_quiet). */
#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		dprintf(2, "fuzz: %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* The library's warnings (one per bad document) would drown libFuzzer's
 * log; they go to stdio's stderr, the sanitizers' reports go to fd 2. */
static inline void
fuzz_quiet(void)
{
	static int done;
	FILE *null;
	if (done++)
		return;
	/* a PDF or Word file among the inputs is text here: no converter runs */
	rk_convert_off = 1;
	if ((null = fopen("/dev/null", "w")))
		stderr = null;
}

/* The bytes as a file the reader can open by name: a memfd, reused.
 * Writes the path into path (64 bytes). */
static int fuzz_fd = -1;

static inline void
fuzz_file(const uint8_t *data, size_t size, char *path)
{
	if (fuzz_fd < 0) {
		fuzz_fd = memfd_create("rkit-fuzz", 0);
		FUZZ_ASSERT(fuzz_fd >= 0);
	}
	FUZZ_ASSERT(ftruncate(fuzz_fd, 0) == 0);
	FUZZ_ASSERT(pwrite(fuzz_fd, data, size, 0) == (ssize_t)size);
	snprintf(path, 64, "/proc/self/fd/%d", fuzz_fd);
}

/* Length of the well-formed UTF-8 sequence at s, 0 if invalid. */
static inline int
fuzz_u8len(const unsigned char *s, size_t n)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	int len, i;
	if (c < 0x80) return 1;
	if (c < 0xC2) return 0;
	if (c < 0xE0) len = 2;
	else if (c < 0xF0) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
	else if (c < 0xF5) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
	else return 0;
	if ((size_t)len > n) return 0;
	for (i = 1; i < len; i++) {
		unsigned b = s[i];
		if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF))
			return 0;
	}
	return len;
}

static inline int
fuzz_valid_utf8(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int k = fuzz_u8len((const unsigned char *)s + i, n - i);
		if (!k) return 0;
		i += (size_t)k;
	}
	return 1;
}

/* A malloc'd copy of data made valid UTF-8 (each invalid byte becomes
 * U+FFFD; NUL, and newlines unless keepnl, become spaces), exactly *n bytes
 * long so that ASan sees any read past the end. */
static inline char *
fuzz_utf8(const uint8_t *data, size_t size, int keepnl, size_t *n)
{
	char *out = malloc(size * 3 + 1);
	size_t i = 0, o = 0;
	FUZZ_ASSERT(out);
	while (i < size) {
		int k = fuzz_u8len(data + i, size - i);
		if (!k) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		if (data[i] == 0 || (data[i] == '\n' && !keepnl))
			out[o] = ' ';
		else
			memcpy(out + o, data + i, (size_t)k);
		o += (size_t)k;
		i += (size_t)k;
	}
	*n = o;
	/* shrink to fit: a read at out[o] must be out of bounds */
	char *fit = malloc(o ? o : 1);
	FUZZ_ASSERT(fit);
	memcpy(fit, out, o);
	free(out);
	return fit;
}

/* What every block from rk_next() promises.  Text read back from TSV may
 * hold a newline written as \n, so tsv relaxes that one. */
static inline void
fuzz_check_block(const rk_block *b, int tsv)
{
	long line, col, line2, col2;
	FUZZ_ASSERT(b->kind >= 0 && b->kind < RK_NKIND);
	FUZZ_ASSERT(b->text != NULL || b->len == 0);
	FUZZ_ASSERT(fuzz_valid_utf8(b->text, b->len));
	FUZZ_ASSERT(tsv || memchr(b->text, '\n', b->len) == NULL);
	FUZZ_ASSERT(b->sect && b->doc);
	/* a TSV row's sect is taken as written, empty or not */
	FUZZ_ASSERT(tsv || strlen(b->sect) > 0);
	if (b->entry != RK_E_NONE) {
		FUZZ_ASSERT(b->marker_len <= b->len);
		FUZZ_ASSERT(b->title_off <= b->len && b->title_len <= b->len - b->title_off);
		FUZZ_ASSERT(b->level >= 0);
	}
	/* positions: the start, the end, and forward order */
	rk_pos(b, 0, &line, &col);
	rk_pos(b, b->len, &line2, &col2);
	/* TSV rows keep the line and col they were given, even negative ones */
	FUZZ_ASSERT(tsv || (line >= 0 && col >= 0 && line2 >= 0 && col2 >= 0));
}

#endif
