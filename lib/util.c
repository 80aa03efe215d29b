/* Messages, exit status and buffered TSV output shared by every tool. */
#include <errno.h>
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
void rk_out_tab(void) { if (outlen == sizeof outbuf) flushout(); outbuf[outlen++] = '\t'; }
void rk_out_nl(void) { if (outlen == sizeof outbuf) flushout(); outbuf[outlen++] = '\n'; }

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

/* Index of the first \t \n \r or \\ in s[i..n), or n. */
static size_t
next_escape(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	/* sixteen bytes a step; a control byte or backslash stops the step
	 * and is looked at one by one (other controls are rare) */
	const __m128i ctl = _mm_set1_epi8(0x1F), bs = _mm_set1_epi8('\\');
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v), _mm_cmpeq_epi8(v, bs));
		unsigned m = (unsigned)_mm_movemask_epi8(hit);
		while (m) {
			size_t k = i + (size_t)__builtin_ctz(m);
			char c = s[k];
			if (c == '\t' || c == '\n' || c == '\r' || c == '\\')
				return k;
			m &= m - 1;
		}
		i += 16;
	}
	if (i < n && n >= 16) {
		/* the last sixteen bytes, those before i masked off */
		__m128i v = _mm_loadu_si128((const __m128i *)(s + n - 16));
		__m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v), _mm_cmpeq_epi8(v, bs));
		unsigned m = (unsigned)_mm_movemask_epi8(hit) >> (i - (n - 16)) << (i - (n - 16));
		while (m) {
			size_t k = n - 16 + (size_t)__builtin_ctz(m);
			char c = s[k];
			if (c == '\t' || c == '\n' || c == '\r' || c == '\\')
				return k;
			m &= m - 1;
		}
		return n;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* \t \n \r are bits 9 10 13 */
		if (c == '\\' || (c < 14 && (0x2600u >> c & 1)))
			return i;
	}
	return n;
}

void
rk_out_field(const char *s, size_t n)
{
	size_t i, run = 0;
	while ((i = next_escape(s, run, n)) < n) {
		char c = s[i];
		rk_out(s + run, i - run);
		rk_out(c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\\\", 2);
		run = i + 1;
	}
	rk_out(s + run, n - run);
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
