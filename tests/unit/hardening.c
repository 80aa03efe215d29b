/* Regressions for what the fuzzers (tests/fuzz) found: each case is the
 * smallest input that crashed, made into a check of the right answer. */
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "rkit.h"
#include "metric.h"
#include "internal.h"

/* A temporary file holding s[0..n); its name in path (64 bytes). */
static void
tmpdoc(const char *s, size_t n, char *path)
{
	int fd;
	snprintf(path, 64, "%s/rkit-hardening.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	fd = mkstemp(path);
	if (fd < 0 || write(fd, s, n) != (ssize_t)n) {
		perror("hardening: temp file");
		exit(1);
	}
	close(fd);
}

/* The blocks of a document: their count, and the total of their lengths. */
static int
read_doc(const char *s, size_t n, const rk_opts *o, size_t *bytes, const char **first)
{
	static char firstbuf[256];
	char path[64];
	rk_reader *r;
	const rk_block *b;
	int nb = 0;
	tmpdoc(s, n, path);
	*bytes = 0;
	firstbuf[0] = '\0';
	if (first)
		*first = firstbuf;
	if (!(r = rk_open(path, o))) {
		unlink(path);
		return -1;
	}
	while ((b = rk_next(r))) {
		if (nb++ == 0)
			snprintf(firstbuf, sizeof firstbuf, "%.*s", (int)(b->len < 200 ? b->len : 200), b->text);
		*bytes += b->len;
	}
	rk_close(r);
	unlink(path);
	return nb;
}

static const char *
fmt(unsigned long long mant, int exp)
{
	static char buf[RK_DEC_MAX];
	rk_dec d = { mant, exp };
	rk_dec_fmt(d, buf);
	return buf;
}

/* Every anchor of every line of s[0..n) lies within the line's text (the
 * decoder fuzz target's check). */
static int
anchors_inside(const char *s, size_t n)
{
	char path[64];
	rk_input in;
	size_t i;
	int ok = 1;
	tmpdoc(s, n, path);
	memset(&in, 0, sizeof in);
	if (rk_in_open(&in, path, NULL, 1) < 0) {
		unlink(path);
		return 0;
	}
	while (rk_in_line(&in))
		for (i = 0; i < in.nanch; i++)
			ok &= in.anchors[i].off <= in.len;
	rk_in_close(&in);
	unlink(path);
	return ok;
}

int
main(void)
{
	static char s[1 << 20];
	size_t n, bytes, i;
	rk_num num;
	const char *first;
	rk_opts raw = { 0 };
	rk_init("hardening");
	/* the reader's warnings about the bad bytes below are expected */
	if (!freopen("/dev/null", "w", stderr))
		return 1;

	/* numeral: a fraction with many leading zeros overran rk_dec_fmt's
	 * 64-byte buffer ("0." and 70 zeros then 2) */
	n = (size_t)snprintf(s, sizeof s, "0.%0*d2", 70, 0);
	CHECK_INT("fraction of 72 digits: consumed whole", rk_num_parse(s, n, &num), n);
	CHECK_STR("fraction of 72 digits: exponent form", fmt(num.v.mant, num.v.exp), "2e-71");
	CHECK_STR("fmt longest plain fraction", fmt(5, -61), "0.0000000000000000000000000000000000000000000000000000000000005");
	CHECK_STR("fmt one past it", fmt(5, -62), "5e-62");
	CHECK_STR("fmt big exponent", fmt(123, 70), "123e70");
	CHECK_STR("fmt 63 digits", fmt(1, 62), "100000000000000000000000000000000000000000000000000000000000000");
	CHECK_STR("fmt 64 digits", fmt(1, 63), "1e63");
	CHECK_STR("fmt long mantissa", fmt(18446744073709551615ULL, -62), "18446744073709551615e-62");
	CHECK_STR("fmt ordinary", fmt(12345, -2), "123.45");

	/* decoder: a line of NUL bytes (each becomes a 3-byte U+FFFD) overran
	 * the line buffer, which grew by the input's length only (read as
	 * UTF-8 by -E: detection takes so many NULs for a binary file) */
	memset(s, 0, 5000);
	raw.encoding = "UTF-8";
	CHECK_INT("5000 NUL bytes: one block", read_doc(s, 5000, &raw, &bytes, NULL), 1);
	CHECK_INT("5000 NUL bytes: 5000 replacement characters", bytes, 15000);
	raw.encoding = NULL;
	CHECK_INT("5000 NUL bytes, detected: a binary file", read_doc(s, 5000, &raw, &bytes, NULL), -1);
	/* and invalid bytes alike, a long line that is cut into pieces */
	memset(s, 0xFF, 300000);
	s[300000] = '\n';
	read_doc(s, 300001, &raw, &bytes, NULL);
	CHECK_INT("300000 bytes 0xFF: every one replaced", bytes, 900000);

	/* TSV reader: a header of more than 32 columns was read past the end
	 * of the field array */
	n = (size_t)snprintf(s, sizeof s, "doc\tline\ttext");
	for (i = 0; i < 40; i++)
		n += (size_t)snprintf(s + n, sizeof s - n, "\tc%zu", i);
	n += (size_t)snprintf(s + n, sizeof s - n, "\nr.txt\t3\t全年完成投资8.6亿元。");
	for (i = 0; i < 40; i++)
		n += (size_t)snprintf(s + n, sizeof s - n, "\tx");
	n += (size_t)snprintf(s + n, sizeof s - n, "\n");
	CHECK_INT("TSV header of 43 columns: row read", read_doc(s, n, NULL, &bytes, &first), 1);
	CHECK_STR("TSV header of 43 columns: text column", first, "全年完成投资8.6亿元。");

	/* decoder: a zero-width character among a line's trailing blanks left
	 * its anchor past the trimmed text */
	{
		static const char zw[] = "第一段 \xEF\xBB\xBF\f\f\n第二段\f\xE2\x80\x8B \n";
		CHECK("anchors inside the line after trailing blanks", anchors_inside(zw, sizeof zw - 1));
	}
	return unit_failed;
}
