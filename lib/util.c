/* Messages, exit status and buffered table output shared by every tool. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rkit.h"

const char *argv0 = "rkit";
int rk_status;

/* Our own output buffer: stdio's per-call locking costs more than the
 * work on short fields. */
static char outbuf[1 << 16];
static size_t outlen;
static int outerr;

/* The output format (rk_out_option()): TSV unless --csv; --bom puts a
 * UTF-8 byte order mark before the first byte written; --line-buffered
 * (rk_live) writes each row out as it ends. */
static int csv, bom_pending;
int rk_live;

void
rk_init(const char *prog)
{
	const char *slash = strrchr(prog, '/');
	argv0 = slash ? slash + 1 : prog;
	/* A closed pipe (| head) ends us quietly: write() gets EPIPE. */
	signal(SIGPIPE, SIG_IGN);
}

static void
vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", argv0);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
rk_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
rk_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	rk_status = 1;
}

void
rk_die(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

void
rk_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help'.\n", argv0);
	exit(2);
}

int
rk_getopt(int argc, char **argv, const char *optstring, const struct option *longopts)
{
	int c;
	/* getopt's messages name argv[0]: bin/rsplit would say "bin/rsplit:" */
	argv[0] = (char *)argv0;
	c = getopt_long(argc, argv, optstring, longopts, NULL);
	if (c == '?') {
		fprintf(stderr, "Try '%s --help'.\n", argv0);
		exit(2);
	}
	return c;
}

long
rk_number(const char *s, const char *opt, long lo, long hi)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	/* strtol takes leading blanks and a sign; an option value is digits */
	if (*s < '0' || *s > '9' || *end || errno == ERANGE || v < lo || v > hi) {
		if (hi == LONG_MAX)
			rk_usage("bad %s '%s': want a number from %ld", opt, s, lo);
		rk_usage("bad %s '%s': want a number from %ld to %ld", opt, s, lo, hi);
	}
	return v;
}

void
rk_print_exit(const char *text)
{
	fputs(text, stdout);
	exit(rk_finish());
}

void *
rk_alloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		rk_die(1, "out of memory");
	return p;
}

void *
rk_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		rk_die(1, "out of memory");
	return p;
}

static void
flushout(void)
{
	size_t off = 0;
	if (bom_pending && outlen > 0) {
		/* the buffer is full at most: the mark goes out on its own */
		static const char bom[3] = { '\xEF', '\xBB', '\xBF' };
		bom_pending = 0;
		while (write(1, bom, 3) < 0 && errno == EINTR)
			;
	}
	while (off < outlen && !outerr) {
		ssize_t w = write(1, outbuf + off, outlen - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				exit(rk_status);   /* reader went away: stop quietly */
			outerr = errno;
			rk_die(1, "write error: %s", strerror(errno));
		}
		off += (size_t)w;
	}
	outlen = 0;
}

void
rk_out(const char *s, size_t n)
{
	if (n >= sizeof outbuf - outlen) {
		flushout();
		if (n >= sizeof outbuf) {
			size_t off = 0;
			while (off < n) {
				size_t k = n - off < sizeof outbuf ? n - off : sizeof outbuf;
				memcpy(outbuf, s + off, k);
				outlen = k;
				flushout();
				off += k;
			}
			return;
		}
	}
	memcpy(outbuf + outlen, s, n);
	outlen += n;
}

void rk_out_str(const char *s) { rk_out(s, strlen(s)); }

void
rk_out_tab(void)
{
	if (outlen == sizeof outbuf)
		flushout();
	outbuf[outlen++] = csv ? ',' : '\t';
}

void
rk_out_nl(void)
{
	if (outlen == sizeof outbuf)
		flushout();
	outbuf[outlen++] = '\n';
	if (rk_live)
		flushout();
}

void
rk_out_option(int opt)
{
	switch (opt) {
	case RK_OPT_CSV: csv = 1; break;
	case RK_OPT_BOM: bom_pending = 1; break;
	case RK_OPT_LINE_BUFFERED: rk_live = 1; break;
	}
}

int rk_out_csv(void) { return csv; }

void
rk_out_long(long v)
{
	char tmp[24];
	int n = sizeof tmp;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		tmp[--n] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		tmp[--n] = '-';
	rk_out(tmp + n, sizeof tmp - (size_t)n);
}

/* The letter after the backslash for the bytes a field escapes, else 0. */
static const char esc_letter[256] = { ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\' };

/* Escapes s[0..n) into o, which has room for 2n bytes; returns the end. */
static char *
put_escaped(char *o, const char *s, size_t n)
{
	size_t i = 0;
	char e;
#ifdef __SSE2__
	/* sixteen bytes a step, stored as they are before they are looked at
	 * (room for 2n bytes covers it); a control byte or backslash stops
	 * the step at that byte (controls other than \t \n \r are rare) */
	const __m128i ctl = _mm_set1_epi8(0x1F), bs = _mm_set1_epi8('\\');
	size_t plain = 0;   /* s[plain..i) was copied as it is */
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v), _mm_cmpeq_epi8(v, bs));
		unsigned m = (unsigned)_mm_movemask_epi8(hit);
		_mm_storeu_si128((__m128i *)o, v);
		if (m == 0) {
			i += 16;
			o += 16;
			continue;
		}
		m = (unsigned)__builtin_ctz(m);
		i += m;
		o += m;
		if ((e = esc_letter[(unsigned char)s[i]]) != 0) {
			*o++ = '\\';
			*o++ = e;
			plain = i + 1;
		} else {
			o++;
		}
		i++;
	}
	if (i < n && n >= 16 && plain <= n - 16) {
		/* the last sixteen bytes again, stored over the copy of those
		 * before i, which are the same bytes */
		size_t back = i - (n - 16);
		__m128i v = _mm_loadu_si128((const __m128i *)(s + n - 16));
		__m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v), _mm_cmpeq_epi8(v, bs));
		if (((unsigned)_mm_movemask_epi8(hit) >> back) == 0) {
			_mm_storeu_si128((__m128i *)(o - back), v);
			return o - back + 16;
		}
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((e = esc_letter[c]) != 0) {
			*o++ = '\\';
			*o++ = e;
		} else {
			*o++ = (char)c;
		}
	}
	return o;
}

/* A CSV field is quoted when it must be (RFC 4180: a comma, a quote, a
 * line end), when it is empty (an empty text, told from a missing value,
 * which is nothing, as PostgreSQL's COPY CSV tells them apart), and when
 * it starts or ends with a blank, which some readers trim. */
static int
csv_needs_quotes(const char *s, size_t n)
{
	size_t i;
	if (n == 0 || s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

/* s[0..n) inside quotes: each quote doubled */
static void
csv_part(const char *s, size_t n)
{
	const char *q;
	while (n > 0 && (q = memchr(s, '"', n)) != NULL) {
		rk_out(s, (size_t)(q - s) + 1);
		rk_out("\"", 1);
		n -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	rk_out(s, n);
}

static void
csv_field(const char *s, size_t n)
{
	if (!csv_needs_quotes(s, n)) {
		rk_out(s, n);
		return;
	}
	rk_out("\"", 1);
	csv_part(s, n);
	rk_out("\"", 1);
}

static void
tsv_field(const char *s, size_t n)
{
	size_t i, run = 0;
	/* Escaped straight into the buffer when the field surely fits (two
	 * bytes for each at most) with room to spare, as then rk_out() would
	 * not have written the buffer out either: the output meets stderr's
	 * messages at the same places. */
	if (n < (sizeof outbuf - outlen) / 2) {
		outlen = (size_t)(put_escaped(outbuf + outlen, s, n) - outbuf);
		return;
	}
	for (i = 0; i < n; i++) {
		char e = esc_letter[(unsigned char)s[i]];
		if (e) {
			char esc[2] = { '\\', e };
			rk_out(s + run, i - run);
			rk_out(esc, 2);
			run = i + 1;
		}
	}
	rk_out(s + run, n - run);
}

void
rk_out_field(const char *s, size_t n)
{
	if (csv)
		csv_field(s, n);
	else
		tsv_field(s, n);
}

void
rk_out_null(void)
{
	if (!csv)
		rk_out("\\N", 2);
}

/* A field written in pieces (the packed form's text): quoted whole in
 * CSV, whatever it holds, as it cannot be looked at first. */
void rk_out_begin(void) { if (csv) rk_out("\"", 1); }
void rk_out_part(const char *s, size_t n) { if (csv) csv_part(s, n); else tsv_field(s, n); }
void rk_out_end(void) { if (csv) rk_out("\"", 1); }

/* One field of rkit TSV as a CSV field: COPY's \N is a missing value,
 * written as nothing; anything else unescaped, then quoted as needed. */
static void
tsv_to_csv(const char *s, size_t n)
{
	static char *field;
	static size_t cap;
	if (n == 2 && s[0] == '\\' && s[1] == 'N')
		return;
	if (n > cap) {
		cap = 2 * n;
		field = rk_realloc(field, cap);
	}
	memcpy(field, s, n);
	csv_field(field, rk_unescape(field, n, NULL));
}

void
rk_out_tsv(const char *s, size_t n)
{
	size_t i = 0, j;
	/* a tab at the start separates the first field from what was written
	 * before; otherwise a field starts at the start, after each tab, and
	 * after each newline that is not the last byte */
	int at_field = n > 0 && s[0] != '\t';
	if (!csv) {
		rk_out(s, n);
		i = n;
		at_field = 0;
	}
	while (i < n) {
		if (at_field) {
			for (j = i; j < n && s[j] != '\t' && s[j] != '\n'; j++)
				;
			tsv_to_csv(s + i, j - i);
			at_field = 0;
			i = j;
		} else if (s[i++] == '\t') {
			rk_out_tab();
			at_field = 1;
		} else {
			rk_out("\n", 1);
			at_field = i < n;
		}
	}
	if (at_field)
		tsv_to_csv("", 0);   /* a tab at the end: an empty last field */
	if (rk_live && n > 0 && s[n - 1] == '\n')
		flushout();
}

size_t
rk_unescape(char *s, size_t n, int *bad)
{
	size_t i, o = 0;
	for (i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 == n) {
			if (s[i] == '\\' && bad)
				(*bad)++;
			s[o++] = s[i];
			continue;
		}
		switch (s[i + 1]) {
		case 't': s[o++] = '\t'; i++; break;
		case 'n': s[o++] = '\n'; i++; break;
		case 'r': s[o++] = '\r'; i++; break;
		case '\\': s[o++] = '\\'; i++; break;
		default:
			if (bad)
				(*bad)++;
			s[o++] = s[i];
		}
	}
	return o;
}

int
rk_finish(void)
{
	flushout();
	if (fflush(stdout) != 0 || ferror(stdout))
		rk_die(1, "write error: %s", strerror(errno));
	return rk_status;
}
