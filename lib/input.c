/* Bytes -> normalised UTF-8 lines.
 *
 * The encoding is chosen per document from its first 64 KiB: a BOM, else
 * valid UTF-8, else whichever of UTF-8 and GB18030 finds fewer invalid
 * sequences.  UTF-8 is checked in place; anything else goes through iconv.
 * Invalid sequences become U+FFFD with one warning per document.  Lines
 * lose CR, BOMs, zero-width characters and blank space at either end;
 * anchors remember where that moved the columns.  A line longer than
 * RK_LINE_MAX comes out in pieces, so memory stays bounded.
 */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pthread.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "internal.h"

static int fill_raw(rk_input *in);
static void *decoder_main(void *arg);

static const char REPL[] = "\xEF\xBF\xBD";

static void
add_anchor(rk_input *in, size_t off, long col)
{
	if (in->nanch && in->anchors[in->nanch - 1].off == off) {
		in->anchors[in->nanch - 1].col = col;
		return;
	}
	if (in->nanch == in->anchcap) {
		in->anchcap = in->anchcap ? in->anchcap * 2 : 8;
		in->anchors = rk_realloc(in->anchors, in->anchcap * sizeof *in->anchors);
	}
	in->anchors[in->nanch].off = off;
	in->anchors[in->nanch].line = in->lineno;
	in->anchors[in->nanch].col = col;
	in->nanch++;
}

/* column of line byte offset off */
static long
col_at(const rk_input *in, size_t off)
{
	size_t i = in->nanch;
	while (i > 1 && in->anchors[i - 1].off > off)
		i--;
	return in->anchors[i - 1].col +
	       (long)rk_u8count(in->line + in->anchors[i - 1].off, off - in->anchors[i - 1].off);
}

static void
grow(rk_input *in, size_t need)
{
	if (in->len + need <= in->cap)
		return;
	while (in->cap < in->len + need)
		in->cap = in->cap ? in->cap * 2 : 4096;
	in->line = rk_realloc(in->line, in->cap);
}

/* Length of a well-formed UTF-8 sequence at s (n bytes there), 0 if it is
 * invalid, -1 if it is cut short by the end of the buffer. */
static int
seqlen(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	int len;
	unsigned lo = 0x80, hi = 0xBF;
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		len = 2;
	else if (c < 0xF0) {
		len = 3;
		if (c == 0xE0) lo = 0xA0;
		if (c == 0xED) hi = 0x9F;     /* no surrogates */
	} else if (c < 0xF5) {
		len = 4;
		if (c == 0xF0) lo = 0x90;
		if (c == 0xF4) hi = 0x8F;
	} else
		return 0;
	if (n < 2)
		return -1;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (int i = 2; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	}
	return len;
}

int rk_u8seqlen(const unsigned char *s, size_t n) { return seqlen(s, n); }

/* Characters the lines lose: U+200B-U+200D, U+2060, U+FEFF. */
static inline int
is_zero_width(const unsigned char *s)
{
	return (s[0] == 0xE2 && ((s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8D) ||
	                         (s[1] == 0x81 && s[2] == 0xA0))) ||
	       (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF);
}

/* What a byte at a character start asks of take(): nothing (printable
 * ASCII), a check of two continuation bytes (a 3-byte lead without
 * special cases), that and a zero-width test (E2, EF), or a closer look. */
enum { BC_OTHER, BC_ASCII, BC_LEAD3, BC_LEAD3Z };
static unsigned char byte_class[256];
static unsigned char byte_class_esc[256];   /* record mode: backslash needs a look */

static void
init_byte_class(void)
{
	int c;
	for (c = 0x20; c < 0x80; c++)
		byte_class[c] = BC_ASCII;
	for (c = 0xE1; c <= 0xEF; c++)
		byte_class[c] = c == 0xED ? BC_OTHER : c == 0xE2 || c == 0xEF ? BC_LEAD3Z : BC_LEAD3;
	memcpy(byte_class_esc, byte_class, sizeof byte_class);
	byte_class_esc['\\'] = BC_OTHER;
}

#ifdef __SSE2__
/* What kind each of the 16 bytes at s is, as bits k to k+15 of masks. */
struct plain_masks { uint64_t ok, lead, cont, odd; };

static inline void
plain_masks16(const unsigned char *s, int escaped, int k, struct plain_masks *m)
{
	__m128i v = _mm_loadu_si128((const __m128i *)s);
	/* signed: 20-7F are the bytes above 1F, 80-BF those below C0 = -64 */
	__m128i ascii = _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F));
	__m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0));
	/* E1-EF: v - E1 is 0-14 */
	__m128i x = _mm_sub_epi8(v, _mm_set1_epi8((char)0xE1));
	__m128i lead = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(14)), x);
	/* leads the caller looks at: ED (limits on the next byte), E2 and EF
	 * (the zero-width characters) */
	__m128i odd = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
	                                        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF))),
	                           _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)));
	if (escaped)
		ascii = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')), ascii);
	m->ok |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ascii, cont), lead)) << k;
	m->lead |= (uint64_t)(unsigned)_mm_movemask_epi8(lead) << k;
	m->cont |= (uint64_t)(unsigned)_mm_movemask_epi8(cont) << k;
	m->odd |= (uint64_t)(unsigned)_mm_movemask_epi8(odd) << k;
}

static inline size_t
plain_prefix_sse2(const unsigned char *s, size_t n, int escaped)
{
	size_t i = 0;
	while (i + 64 <= n) {
		struct plain_masks m = { 0, 0, 0, 0 };
		uint64_t bad, odd;
		unsigned f, g;
		plain_masks16(s + i, escaped, 0, &m);
		plain_masks16(s + i + 16, escaped, 16, &m);
		plain_masks16(s + i + 32, escaped, 32, &m);
		plain_masks16(s + i + 48, escaped, 48, &m);
		/* a lead wants continuation bytes after it and nowhere else */
		bad = ~m.ok | (m.cont ^ (m.lead << 1 | m.lead << 2));
		for (odd = m.odd & (((uint64_t)1 << 62) - 1); odd; odd &= odd - 1) {
			unsigned at = (unsigned)__builtin_ctzll(odd);
			if (s[i + at] == 0xED || is_zero_width(s + i + at))
				bad |= (uint64_t)1 << at;
		}
		f = bad ? (unsigned)__builtin_ctzll(bad) : 64;
		g = f < 62 ? f : 62;
		/* end before a character the first g bytes cut */
		if (g >= 1 && (m.lead >> (g - 1) & 1))
			g -= 1;
		else if (g >= 2 && (m.lead >> (g - 2) & 1))
			g -= 2;
		i += g;
		if (f < 62)
			break;
	}
	return i;
}
#endif

/* Bytes at the front of s[0..n), s at a character boundary, that take()
 * would copy one by one without a second look (printable ASCII, three-byte
 * characters with leads E1-EF but ED, no zero-width one): 64 bytes at a
 * time, so that a character is never cut.  0 without SSE2; take() goes
 * on byte by byte from where this stops either way. */
static size_t
plain_prefix(const unsigned char *s, size_t n, int escaped)
{
#ifdef __SSE2__
	/* two copies, each with escaped a constant */
	return escaped ? plain_prefix_sse2(s, n, 1) : plain_prefix_sse2(s, n, 0);
#else
	(void)s;
	(void)n;
	(void)escaped;
	return 0;
#endif
}

/* Count invalid UTF-8 sequences in s (a trailing cut-short one is not). */
static size_t
utf8_errors(const unsigned char *s, size_t n)
{
	size_t i = 0, bad = 0;
	while (i < n) {
		int l = seqlen(s + i, n - i);
		if (l < 0)
			break;
		if (l == 0) {
			bad++;
			l = 1;
		}
		i += (size_t)l;
	}
	return bad;
}

/* The characters of three or four bytes in the valid UTF-8 at the front
 * of s: legacy text makes one by chance, seldom four in a row. */
static size_t
utf8_lead(const unsigned char *s, size_t n)
{
	size_t i = 0, wide = 0;
	while (i < n) {
		int l = seqlen(s + i, n - i);
		if (l <= 0)
			break;
		wide += l >= 3;
		i += (size_t)l;
	}
	return wide;
}

static size_t
iconv_errors(const char *enc, unsigned char *s, size_t n, int eof)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	char out[4096];
	size_t bad = 0;
	char *ip = (char *)s;
	size_t il = n;
	if (cd == (iconv_t)-1)
		return (size_t)-1;
	while (il > 0) {
		char *op = out;
		size_t ol = sizeof out;
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !eof)
			break;
		bad++;
		ip++;
		il--;
	}
	iconv_close(cd);
	return bad;
}

static int fill_dec(rk_input *in);
static void fill_mixed(rk_input *in);

/* GB18030 two-byte codes (lead 81-FE, trail 40-FE) as iconv decodes them:
 * up to three bytes of UTF-8 and their count in [3], 0 for a code left to
 * iconv (invalid, or beyond the BMP).  Built once, by iconv itself, for
 * input longer than a buffer: glibc's iconv takes a call per character,
 * the table a lookup. */
static unsigned char gb2[126 * 191][4];
static int gb2_state;    /* 0 not built, 1 built, -1 unusable */

static int
gb2_ready(const char *enc)
{
	iconv_t cd;
	int c, t;
	if (gb2_state)
		return gb2_state > 0;
	gb2_state = -1;
	if ((cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
		return 0;
	/* ASCII passes as it is, or the table is not used */
	for (c = 0; c < 0x80; c++) {
		char in = (char)c, out[8], *ip = &in, *op = out;
		size_t il = 1, ol = sizeof out;
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || op != out + 1 || out[0] != (char)c) {
			iconv_close(cd);
			return 0;
		}
	}
	for (c = 0x81; c <= 0xFE; c++)
		for (t = 0x40; t <= 0xFE; t++) {
			char in[2] = { (char)c, (char)t }, out[8], *ip = in, *op = out;
			size_t il = 2, ol = sizeof out, k;
			unsigned char *e = gb2[(c - 0x81) * 191 + (t - 0x40)];
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0) {
				iconv(cd, NULL, NULL, NULL, NULL);
				continue;
			}
			k = (size_t)(op - out);
			if (k >= 1 && k <= 3) {
				memcpy(e, out, k);
				e[3] = (unsigned char)k;
			}
		}
	iconv_close(cd);
	gb2_state = 1;
	return 1;
}

/* The longest front of s[0..n) that is ASCII or codes in gb2[], decoded
 * into out (cap bytes); *used gets the bytes read, the bytes written are
 * returned. */
static size_t
gb_fast(const unsigned char *s, size_t n, unsigned char *out, size_t cap, size_t *used)
{
	size_t i = 0, o = 0;
	while (i < n && o + 4 <= cap) {
		unsigned c = s[i], t;
		const unsigned char *e;
		if (c < 0x80) {
			out[o++] = (unsigned char)c;
			i++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || i + 1 >= n || (t = s[i + 1]) < 0x40 || t == 0xFF)
			break;
		e = gb2[(c - 0x81) * 191 + (t - 0x40)];
		if (!e[3])
			break;
		memcpy(out + o, e, 4);   /* the fourth byte is overwritten next */
		o += e[3];
		i += 2;
	}
	*used = i;
	return o;
}

/* An invalid sequence at *ip (*il bytes left): U+FFFD out, badskip bytes on. */
static void
bad_seq(rk_input *in, char **ip, size_t *il, char **op, size_t *ol, const unsigned char *out, long *bad)
{
	size_t skip = in->badskip < *il ? in->badskip : *il;
	if (*bad < 0)
		*bad = (long)((unsigned char *)*op - out);
	memcpy(*op, REPL, 3);
	*op += 3;
	*ol -= *ol >= 3 ? 3 : *ol;
	*ip += skip;
	*il -= skip;
}

int
rk_in_waiting(rk_input *in)
{
	struct pollfd p = { in->fd, POLLIN, 0 };
	const unsigned char *s = in->cd == (iconv_t)-1 ? in->raw + in->rawpos : in->dec + in->decpos;
	size_t n = in->cd == (iconv_t)-1 ? in->rawlen - in->rawpos : in->declen - in->decpos;
	/* eof is the decoder thread's, dec_done ours */
	if (!rk_live || (in->threaded ? in->dec_done : in->eof) || memchr(s, '\n', n))
		return 0;
	/* a regular file is always ready; a pipe, when its writer has written */
	return poll(&p, 1, 0) == 0;
}

int
rk_in_fill(rk_input *in)
{
	return in->cd == (iconv_t)-1 ? fill_raw(in) : fill_dec(in);
}

static int
fill_raw(rk_input *in)
{
	if (in->rawpos > 0) {
		memmove(in->raw, in->raw + in->rawpos, in->rawlen - in->rawpos);
		in->rawbase += in->rawpos;
		in->rawlen -= in->rawpos;
		in->rawpos = 0;
	}
	while (!in->eof && in->rawlen < sizeof in->raw) {
		ssize_t r = read(in->fd, in->raw + in->rawlen, sizeof in->raw - in->rawlen);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			rk_fail("%s: %s", in->name, strerror(errno));
			in->readerr = 1;
			in->eof = 1;
			break;
		}
		if (r == 0) {
			in->eof = 1;
			if (in->conv)
				rk_conv_finish(in);
			break;
		}
		if (in->conv && !in->conv_text)
			rk_conv_saw(in, in->raw + in->rawlen, (size_t)r);
		in->rawlen += (size_t)r;
		if (rk_live)
			break;   /* a live pipeline: what has come, not a full buffer */
	}
	return in->rawlen > 0;
}

/* Code points a report's text is made of: ASCII text, Latin letters,
 * punctuation and symbols, CJK and its forms.  What UTF-16 or UTF-32 read
 * in the wrong byte order, or other bytes read as either, mostly are not. */
static int
text_cp(uint32_t c)
{
	return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	       (c >= 0xA0 && c < 0x250) || (c >= 0x2000 && c < 0x2800) ||
	       (c >= 0x2E80 && c < 0xA000) || (c >= 0xF900 && c < 0xFB00) ||
	       (c >= 0xFE30 && c < 0xFE50) || (c >= 0xFF00 && c < 0xFFF0) ||
	       (c >= 0x20000 && c < 0x32000);
}

/* Of the UTF-16 code units at s[0..n) in one byte order (be), how many
 * are text, a surrogate pair counting as two. */
static size_t
utf16_text(const unsigned char *s, size_t n, int be)
{
	size_t i, good = 0;
	for (i = 0; i + 1 < n; i += 2) {
		unsigned u = be ? (unsigned)s[i] << 8 | s[i + 1] : (unsigned)s[i + 1] << 8 | s[i];
		if (u >= 0xD800 && u < 0xDC00 && i + 3 < n) {
			unsigned v = be ? (unsigned)s[i + 2] << 8 | s[i + 3] : (unsigned)s[i + 3] << 8 | s[i + 2];
			if (v >= 0xDC00 && v < 0xE000) {
				good += 2;
				i += 2;
			}
			continue;
		}
		good += text_cp(u);
	}
	return good;
}

/* UTF-32 or UTF-16 without a byte order mark: the one in which 95% of the
 * first 4 KiB are characters of text, and more than in the other byte
 * order.  (UTF-16 of Chinese text has no NUL bytes at all, so the NULs of
 * ASCII are not what tells it.) */
static const char *
wide_guess(const unsigned char *s, size_t n)
{
	size_t m = (n < 4096 ? n : 4096) & ~(size_t)3, units = m / 4, i, le = 0, be = 0;
	if (m < 4)
		return NULL;
	for (i = 0; i < m; i += 4) {
		le += text_cp((uint32_t)s[i] | (uint32_t)s[i + 1] << 8 | (uint32_t)s[i + 2] << 16 |
		              (uint32_t)s[i + 3] << 24);
		be += text_cp((uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16 | (uint32_t)s[i + 2] << 8 |
		              (uint32_t)s[i + 3]);
	}
	if (20 * le >= 19 * units && le >= be)
		return "UTF-32LE";
	if (20 * be >= 19 * units && be > le)
		return "UTF-32BE";
	units = m / 2;
	le = utf16_text(s, m, 0);
	be = utf16_text(s, m, 1);
	if (20 * le >= 19 * units && le >= be)
		return "UTF-16LE";
	if (20 * be >= 19 * units && be > le)
		return "UTF-16BE";
	return NULL;
}

/* GB18030 or Big5, for bytes that are not UTF-8, from how their two-byte
 * codes are made.  GB2312, the part of GB18030 that simplified text keeps
 * to, has second bytes A1-FE only; Big5 has 40-7E as well (about two
 * codes in five of traditional text), but no first bytes 81-A0 and no
 * second bytes 80-A0, where the characters GBK adds to GB2312 lie.
 * *doubt is set when the bytes fit both. */
static const char *
legacy_guess(const unsigned char *s, size_t n, int eof, int *doubt)
{
	size_t i = 0, codes = 0, not_big5 = 0, not_gb2312 = 0;
	*doubt = 0;
	while (i + 1 < n) {
		unsigned c = s[i], t = s[i + 1];
		if (c < 0x80) {
			i++;
			continue;
		}
		codes++;
		if (c >= 0x81 && c <= 0xFE && t >= 0x30 && t <= 0x39) {
			/* GB18030's four-byte codes */
			not_big5++;
			not_gb2312++;
			i += 4;
			continue;
		}
		not_big5 += c < 0xA1 || c > 0xF9 || t < 0x40 || (t > 0x7E && t < 0xA1) || t == 0xFF;
		not_gb2312 += c < 0xA1 || c == 0xFF || t < 0xA1 || t == 0xFF;
		i += 2;
	}
	if (50 * not_big5 > codes || 50 * not_gb2312 <= codes) {
		/* not Big5, or GB2312: six codes of traditional text all with a
		 * high second byte would be a chance of one in 20 */
		*doubt = not_big5 == 0 && codes < 6;
		return "GB18030";
	}
	if (iconv_errors("BIG5", (unsigned char *)s, n, eof) > iconv_errors("GB18030", (unsigned char *)s, n, eof)) {
		*doubt = 1;
		return "GB18030";
	}
	*doubt = not_big5 > 0 || codes < 6;
	return "BIG5";
}

static void
warn_doubt(rk_input *in, int doubt)
{
	if (doubt)
		rk_warn("%s: read as %s, but it may be %s (-E forces an encoding)", in->name, in->encname,
		        strcmp(in->encname, "BIG5") == 0 ? "GB18030" : "BIG5");
}

/* The encoding of a document, from its first buffer; -1 if it is no text. */
static int
detect(rk_input *in)
{
	unsigned char *s = in->raw;
	size_t n = in->rawlen, u8bad, nul;
	const unsigned char *z;
	const char *wide;
	int doubt;

	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		in->encname = "UTF-8";
		in->rawpos = 3;
		return 0;
	}
	if (n >= 4 && ((memcmp(s, "\xFF\xFE\0\0", 4) == 0) || memcmp(s, "\0\0\xFE\xFF", 4) == 0)) {
		in->encname = s[0] == 0xFF ? "UTF-32LE" : "UTF-32BE";
		in->rawpos = 4;
		return 0;
	}
	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		in->encname = s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		in->rawpos = 2;
		return 0;
	}
	in->encname = "UTF-8";
	for (nul = 0, z = memchr(s, 0, n); z; z = memchr(z + 1, 0, n - (size_t)(z + 1 - s)))
		nul++;
	u8bad = utf8_errors(s, n);
	if ((nul || u8bad) && (wide = wide_guess(s, n)) != NULL) {
		in->encname = wide;
		return 0;
	}
	/* a few NULs are damage in a text; many, a binary file */
	if (16 * nul > n) {
		rk_fail("%s: binary file, not a report (NUL bytes)", in->name);
		return -1;
	}
	if (u8bad == 0 || utf8_lead(s, n) >= 4)
		return 0;   /* UTF-8, or a region after UTF-8 text (region_check) */
	if (iconv_errors("GB18030", s, n, in->eof) >= u8bad)
		return 0;
	in->encname = legacy_guess(s, n, in->eof, &doubt);
	warn_doubt(in, doubt);
	return 0;
}

static int
is_utf8_name(const char *e)
{
	return strcasecmp(e, "UTF-8") == 0 || strcasecmp(e, "UTF8") == 0;
}

int
rk_encoding_ok(const char *name)
{
	iconv_t cd;
	if (is_utf8_name(name))
		return 1;
	/* iconv takes "" for the locale's encoding: not what -E '' means */
	if (!*name)
		return 0;
	cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

int
rk_in_open(rk_input *in, const char *path, const char *encoding, int decoder_thread)
{
	struct stat st;
	in->fd = -1;
	in->eof = in->readerr = 0;
	in->warned_bad = in->warned_long = 0;
	in->pending_cr = in->cont = in->piece = in->newline_seen = 0;
	in->carry_from = in->carry_end = 0;
	in->nextcol = in->col0 = 0;
	in->cd = (iconv_t)-1;
	in->gbfast = 0;
	in->bad_at = -1;
	in->lineno = 1;
	in->len = 0;
	in->nanch = 0;
	in->rawlen = in->rawpos = in->declen = in->decpos = 0;
	in->name = path && strcmp(path, "-") != 0 ? path : "-";
	if (strcmp(in->name, "-") == 0)
		in->fd = 0;
	else if ((in->fd = open(path, O_RDONLY)) < 0) {
		rk_fail("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		rk_fail("%s: %s", in->name, strerror(EISDIR));
		if (in->fd > 0)
			close(in->fd);
		return -1;
	}
	in->conv = NULL;
	in->child = in->feeder = 0;
	in->errfd = -1;
	in->region_ok = in->mixed = in->switch_pending = in->want_fill = 0;
	in->rawbase = in->linestart = in->region_next = 0;
	fill_raw(in);
	if (!in->readerr)
		switch (rk_conv_open(in)) {
		case 1:
			/* the converters write UTF-8 */
			encoding = "UTF-8";
			fill_raw(in);
			break;
		case -1:
			in->readerr = 1;
		}
	if (in->readerr) {
		rk_conv_close(in);
		if (in->fd > 0)
			close(in->fd);
		return -1;
	}
	if (encoding) {
		in->encname = encoding;
		if (is_utf8_name(encoding) && in->rawlen >= 3 && memcmp(in->raw, "\xEF\xBB\xBF", 3) == 0)
			in->rawpos = 3;
	} else if (detect(in) < 0) {
		if (in->fd > 0)
			close(in->fd);
		return -1;
	} else
		in->region_ok = is_utf8_name(in->encname) && !in->conv;
	if (!is_utf8_name(in->encname)) {
		in->cd = iconv_open("UTF-8", in->encname);
		if (in->cd == (iconv_t)-1) {
			rk_fail("%s: cannot decode %s: %s", in->name, in->encname, strerror(errno));
			if (in->fd > 0)
				close(in->fd);
			return -1;
		}
		in->dec_done = in->threaded = in->stop = in->head = in->nfull = 0;
		/* set before the decoder thread starts, which reads them; the
		 * table pays for itself past the first buffer */
		in->gbfast = !in->eof && strcasecmp(in->encname, "GB18030") == 0 && gb2_ready(in->encname);
		in->badskip = strncasecmp(in->encname, "UTF-16", 6) == 0 ||
		              strncasecmp(in->encname, "UCS-2", 5) == 0 ? 2 :
		              strncasecmp(in->encname, "UTF-32", 6) == 0 ? 4 : 1;
		if (!in->eof && decoder_thread && rk_cpus() > 1) {
			pthread_mutex_init(&in->mu, NULL);
			pthread_cond_init(&in->cv, NULL);
			in->threaded = pthread_create(&in->thread, NULL, decoder_main, in) == 0;
		}
	}
	add_anchor(in, 0, 0);
	if (!byte_class['a'])
		init_byte_class();
	return 0;
}

void
rk_in_close(rk_input *in)
{
	if (in->threaded) {
		pthread_mutex_lock(&in->mu);
		in->stop = 1;
		pthread_cond_broadcast(&in->cv);
		pthread_mutex_unlock(&in->mu);
		pthread_join(in->thread, NULL);
		pthread_mutex_destroy(&in->mu);
		pthread_cond_destroy(&in->cv);
		in->threaded = 0;
	}
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
	rk_conv_close(in);
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	free(in->line);
	free(in->anchors);
	in->line = NULL;
	in->anchors = NULL;
}

static void
warn_bad(rk_input *in)
{
	if (in->warned_bad)
		return;
	in->warned_bad = 1;
	rk_warn("%s: line %ld: invalid %s replaced with U+FFFD", in->name, in->lineno,
	        in->encname);
}

/* Convert raw input into out[0..cap): as much as fits, reading on as
 * needed.  *len gets the bytes written, *bad the offset of the first
 * invalid sequence (or stays -1).  Returns 0 once the input is used up. */
static int
convert(rk_input *in, unsigned char *out, size_t cap, size_t *len, long *bad)
{
	char *op = (char *)out;
	size_t ol = cap - 8;
	int cut = 0;   /* the raw bytes left end in a cut sequence */
	for (;;) {
		char *ip;
		size_t il;
		/* live: what has come is handed on before waiting for more */
		if (rk_live && in->rawpos == in->rawlen && op > (char *)out) {
			*len = (size_t)((unsigned char *)op - out);
			return 1;
		}
		if (in->rawpos == in->rawlen || (!in->eof && (!rk_live || cut)))
			fill_raw(in);
		cut = 0;
		ip = (char *)in->raw + in->rawpos;
		il = in->rawlen - in->rawpos;
		if (il == 0) {
			if (in->eof)
				iconv(in->cd, NULL, NULL, &op, &ol);
			*len = (size_t)((unsigned char *)op - out);
			return 0;
		}
		/* GB18030: the table as far as it goes, then iconv for one
		 * sequence (at most four bytes), and again; the last four bytes
		 * and anything unexpected go to iconv below, as without it */
		while (in->gbfast && ol >= 64) {
			size_t used, w = 4;
			size_t k = gb_fast((unsigned char *)ip, il, (unsigned char *)op, ol, &used);
			ip += used;
			il -= used;
			op += k;
			ol -= k;
			if (il <= 4 || ol < 64)
				break;
			if (iconv(in->cd, &ip, &w, &op, &ol) != (size_t)-1) {
				il -= 4;
				continue;
			}
			il -= 4 - w;
			if (errno == EILSEQ)
				bad_seq(in, &ip, &il, &op, &ol, out, bad);
			else if (!(errno == EINVAL && w < 4))
				break;
			/* EINVAL after a whole sequence: the next one was cut by
			 * the four bytes, and is taken from its start next time */
		}
		if (ol < 64) {
			in->rawpos = (size_t)((unsigned char *)ip - in->raw);
			*len = (size_t)((unsigned char *)op - out);
			return 1;
		}
		if (iconv(in->cd, &ip, &il, &op, &ol) == (size_t)-1) {
			if (errno == EILSEQ || (errno == EINVAL && in->eof)) {
				bad_seq(in, &ip, &il, &op, &ol, out, bad);
			} else if (errno == E2BIG) {
				in->rawpos = (size_t)((unsigned char *)ip - in->raw);
				*len = (size_t)((unsigned char *)op - out);
				return 1;
			}
			/* EINVAL before EOF: a sequence cut by the buffer; read on */
			cut = errno == EINVAL;
		}
		in->rawpos = (size_t)((unsigned char *)ip - in->raw);
		if (ol < 64) {
			*len = (size_t)((unsigned char *)op - out);
			return 1;
		}
	}
}

/* On two or more cores, a thread converts while the caller parses: the
 * decoding of GB18030 then costs no more time than iconv alone. */
static void *
decoder_main(void *arg)
{
	rk_input *in = arg;
	int more = 1;
	while (more) {
		struct rk_dchunk *c;
		pthread_mutex_lock(&in->mu);
		while (in->nfull == RK_NCHUNK && !in->stop)
			pthread_cond_wait(&in->cv, &in->mu);
		if (in->stop) {
			pthread_mutex_unlock(&in->mu);
			break;
		}
		c = &in->chunks[(in->head + in->nfull) % RK_NCHUNK];
		pthread_mutex_unlock(&in->mu);
		c->len = 0;
		c->bad = -1;
		more = convert(in, c->data, sizeof c->data, &c->len, &c->bad);
		c->last = !more;
		pthread_mutex_lock(&in->mu);
		in->nfull++;
		pthread_cond_broadcast(&in->cv);
		pthread_mutex_unlock(&in->mu);
	}
	return NULL;
}

/* Convert more raw input to UTF-8 in dec (iconv path). */
static int
fill_dec(rk_input *in)
{
	if (in->decpos > 0) {
		memmove(in->dec, in->dec + in->decpos, in->declen - in->decpos);
		if (in->bad_at >= 0)
			in->bad_at -= (long)in->decpos;
		in->declen -= in->decpos;
		in->decpos = 0;
	}
	if (in->threaded) {
		struct rk_dchunk *c;
		if (in->dec_done)
			return in->declen > 0;
		pthread_mutex_lock(&in->mu);
		while (in->nfull == 0)
			pthread_cond_wait(&in->cv, &in->mu);
		c = &in->chunks[in->head];
		pthread_mutex_unlock(&in->mu);
		if (c->bad >= 0 && in->bad_at < 0)
			in->bad_at = (long)in->declen + c->bad;
		memcpy(in->dec + in->declen, c->data, c->len);
		in->declen += c->len;
		in->dec_done = c->last;
		pthread_mutex_lock(&in->mu);
		in->head = (in->head + 1) % RK_NCHUNK;
		in->nfull--;
		pthread_cond_broadcast(&in->cv);
		pthread_mutex_unlock(&in->mu);
		return in->declen > 0;
	} else if (in->mixed) {
		if (!in->dec_done)
			fill_mixed(in);
		return in->declen > 0;
	} else {
		size_t len = 0;
		long bad = -1;
		if (in->dec_done)
			return in->declen > 0;
		in->dec_done = !convert(in, in->dec + in->declen, sizeof in->dec - in->declen, &len, &bad);
		if (bad >= 0 && in->bad_at < 0)
			in->bad_at = (long)in->declen + bad;
		in->declen += len;
		return in->declen > 0;
	}
}

/* A document read as UTF-8 meets bytes that are not (at p, in raw[]):
 * a region in a legacy encoding when they are many and that encoding
 * explains them (a page of GBK appended to a UTF-8 one), else stray bytes
 * replaced as usual.  Each stretch of the input is judged once, so this
 * stays linear.  1: switch (pending), or wait for a fuller buffer; 0: no. */
static int
region_check(rk_input *in, const unsigned char *p)
{
	size_t at = (size_t)(p - in->raw), n = in->rawlen - at, u8bad, i, codes = 0, han = 0;
	const char *enc;
	int doubt;
	if (in->rawbase + at < in->region_next)
		return 0;
	if (n < 4096 && !in->eof && in->rawpos > 0) {
		/* too little left to judge: move it to the front and read on */
		in->want_fill = 1;
		return 1;
	}
	in->region_next = in->rawbase + in->rawlen;
	u8bad = utf8_errors(p, n);
	/* legacy two-byte codes of Han characters, where UTF-8 finds errors */
	for (i = 0; i + 1 < n; i++)
		if (p[i] >= 0x81) {
			codes++;
			han += p[i] >= 0xA1 && p[i] <= 0xF9 && p[i + 1] >= 0x40 && p[i + 1] != 0xFF;
			i++;
		}
	if (u8bad < 4 || 2 * han < codes)
		return 0;
	enc = legacy_guess(p, n, in->eof, &doubt);
	if (8 * iconv_errors(enc, (unsigned char *)p, n, in->eof) > u8bad)
		return 0;
	in->encname = enc;
	in->switch_pending = 1;
	rk_warn("%s: line %ld: not UTF-8 from here on; read as %s where a line is not valid UTF-8%s "
	        "(-E forces one encoding)", in->name, in->lineno, enc,
	        doubt ? strcmp(enc, "BIG5") == 0 ? ", or it may be GB18030" : ", or it may be BIG5" : "");
	return 1;
}

/* Go over to reading line by line (fill_mixed), from the start of the
 * line where the region was found if it is still in the buffer. */
static void
switch_region(rk_input *in)
{
	in->switch_pending = 0;
	in->cd = iconv_open("UTF-8", in->encname);
	if (in->cd == (iconv_t)-1) {
		/* cannot be: detection chose a name iconv knows */
		in->region_ok = 0;
		in->encname = "UTF-8";
		return;
	}
	in->region_ok = 0;
	in->mixed = 1;
	in->badskip = 1;
	in->gbfast = 0;
	in->threaded = 0;
	in->dec_done = 0;
	in->declen = in->decpos = 0;
	if (!in->piece && in->linestart >= in->rawbase && in->linestart <= in->rawbase + in->rawpos) {
		in->rawpos = (size_t)(in->linestart - in->rawbase);
		in->len = 0;
		in->nanch = 0;
		add_anchor(in, 0, 0);
	}
}

/* A line of a mixed document is UTF-8 when it is valid UTF-8, unless it
 * has two-byte characters (Latin, Greek, Cyrillic: what legacy codes
 * mostly make by chance) and the legacy encoding reads it too. */
static int
line_is_utf8(rk_input *in, const unsigned char *s, size_t n)
{
	size_t i = 0;
	int two = 0;
	while (i < n) {
		int l = seqlen(s + i, n - i);
		if (l < 0)
			break;
		if (l == 0)
			return 0;
		two |= l == 2;
		i += (size_t)l;
	}
	return !two || iconv_errors(in->encname, (unsigned char *)s, n, 1) > 0;
}

/* Decoded text of a mixed document into dec, a line at a time. */
static void
fill_mixed(rk_input *in)
{
	for (;;) {
		size_t avail = in->rawlen - in->rawpos, k;
		unsigned char *s = in->raw + in->rawpos, *nl;
		if (avail == 0) {
			if (in->eof) {
				in->dec_done = 1;
				return;
			}
			fill_raw(in);
			continue;
		}
		nl = memchr(s, '\n', avail);
		if (!nl && !in->eof && (in->rawpos > 0 || in->rawlen < sizeof in->raw)) {
			fill_raw(in);
			continue;
		}
		/* a line, or all of a full buffer that holds no line end */
		k = nl ? (size_t)(nl - s) + 1 : avail;
		if (3 * k + 16 > sizeof in->dec - in->declen)
			return;
		if (line_is_utf8(in, s, k)) {
			memcpy(in->dec + in->declen, s, k);
			in->declen += k;
			in->rawpos += k;
		} else {
			char *ip = (char *)s, *op = (char *)in->dec + in->declen;
			size_t il = k, ol = sizeof in->dec - in->declen;
			long bad = -1;
			while (il > 0 && iconv(in->cd, &ip, &il, &op, &ol) == (size_t)-1) {
				if (errno == EINVAL && !nl && !in->eof)
					break;   /* a character cut by the buffer: the rest comes next */
				if (errno == E2BIG)
					break;
				bad_seq(in, &ip, &il, &op, &ol, in->dec + in->declen, &bad);
			}
			iconv(in->cd, NULL, NULL, NULL, NULL);
			if (bad >= 0 && in->bad_at < 0)
				in->bad_at = (long)in->declen + bad;
			in->declen = (size_t)((unsigned char *)op - in->dec);
			in->rawpos = (size_t)((unsigned char *)ip - in->raw);
		}
		if (in->declen > sizeof in->dec / 2)
			return;
	}
}

/* Append the bytes of s up to a newline, validating and dropping what
 * lines lose.  Returns bytes consumed; *eol is set when a line end (LF,
 * CR or CRLF) was consumed. */
static size_t
take(rk_input *in, const unsigned char *s, size_t n, int final, int *eol)
{
	size_t i = 0, plain;
	const unsigned char *nl;
	const unsigned char *cls = in->escaped ? byte_class_esc : byte_class;
	size_t end;
	*eol = 0;
	if (in->pending_cr) {
		in->pending_cr = 0;
		if (n > 0 && s[0] == '\n')
			return 1;
	}
	/* the plain bytes at the front hold no LF and no tab (control
	 * characters stop plain_prefix()): the line end is looked for after
	 * them, not in a pass of its own */
	plain = plain_prefix(s, n, in->escaped);
	nl = memchr(s + plain, '\n', n - plain);
	if (in->escaped) {
		/* a field ends at a raw tab too */
		const unsigned char *tab = memchr(s + plain, '\t', nl ? (size_t)(nl - s) - plain : n - plain);
		if (tab)
			nl = tab;
	}
	end = nl ? (size_t)(nl - s) : n;
	grow(in, 3 * end + 4 < RK_LINE_MAX ? 3 * end + 4 : RK_LINE_MAX + 4);   /* an invalid byte grows to 3 */
	while (i < end) {
		/* copy the longest run needing no attention */
		size_t run = i + (i == 0 ? plain : plain_prefix(s + i, end - i, in->escaped));
		while (run + 3 <= end) {
			unsigned k = cls[s[run]];
			unsigned short w;
			if (k == BC_ASCII) {
				run++;
				continue;
			}
			if (k < BC_LEAD3)
				break;
			memcpy(&w, s + run + 1, 2);
			if ((w & 0xC0C0) != 0x8080 || (k == BC_LEAD3Z && is_zero_width(s + run)))
				break;
			run += 3;    /* CJK and its punctuation: the common case */
		}
		while (run < end && cls[s[run]] == BC_ASCII)
			run++;
		if (run > i) {
			if (in->len + (run - i) > RK_LINE_MAX) {
				/* cut at a character boundary inside the run */
				run = i + (RK_LINE_MAX - in->len);
				while (run > i && (s[run] & 0xC0) == 0x80)
					run--;
			}
			memcpy(in->line + in->len, s + i, run - i);
			in->len += run - i;
			i = run;
			if (in->len >= RK_LINE_MAX - 4)
				return i;
			continue;
		}
		if (in->len >= RK_LINE_MAX - 4)
			return i;
		{
			unsigned c = s[i];
			int l;
			if (c == '\r') {
				*eol = 1;
				in->pending_cr = i + 1 == n;
				if (in->escaped) {
					/* COPY text takes CR and CRLF row ends too */
					in->record_end = 1;
					in->record_term = '\n';
				}
				return i + 1 + (i + 1 < n && s[i + 1] == '\n');
			}
			if (c == '\\' && in->escaped) {
				/* \n and \r end a line, \t and \\ stand for themselves;
				 * anything else keeps its backslash */
				if (i + 1 >= end && !nl && !final)
					return i;
				c = i + 1 < end ? s[i + 1] : 0;
				if (c == 'n' || c == 'r') {
					*eol = 1;
					i += 2;
					if (c == 'r' && i + 1 < end && s[i] == '\\' && s[i + 1] == 'n')
						i += 2;
					return i;
				}
				in->line[in->len++] = c == 't' ? '\t' : '\\';
				i += c == 't' || c == '\\' ? 2 : 1;
				continue;
			}
			if (c == 0) {
				warn_bad(in);
				memcpy(in->line + in->len, REPL, 3);
				in->len += 3;
				i++;
				continue;
			}
			if (c < 0x80) {
				in->line[in->len++] = (char)c;
				i++;
				continue;
			}
			l = seqlen(s + i, end - i);
			if (l < 0 && !final && !nl)
				return i;    /* cut by the buffer: wait for more */
			if (l <= 0 && in->region_ok && !in->escaped && in->cd == (iconv_t)-1) {
				int r = region_check(in, s + i);
				if (r != 0)
					return i;    /* switched, or wait for more */
			}
			if (l <= 0) {
				warn_bad(in);
				memcpy(in->line + in->len, REPL, 3);
				in->len += 3;
				i++;
				continue;
			}
			if (l == 3 && is_zero_width(s + i)) {
				add_anchor(in, in->len, col_at(in, in->len) + 1);
				i += 3;
				continue;
			}
			memcpy(in->line + in->len, s + i, (size_t)l);
			in->len += (size_t)l;
			i += (size_t)l;
		}
	}
	if (nl) {
		*eol = 1;
		if (in->escaped) {
			in->record_end = 1;
			in->record_term = s[end];
		}
		return end + 1;
	}
	return i;
}

/* Blank space a line loses at its ends: ASCII blanks and every Unicode
 * space (NBSP, U+2000..U+200A such as the EM SPACE of &emsp; indents,
 * U+202F, U+205F, U+3000). */
size_t
rk_blank_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\f' || u[0] == '\v'))
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	if (n >= 3 && u[0] == 0xE2 && ((u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF)) ||
	                               (u[1] == 0x81 && u[2] == 0x9F)))
		return 3;
	/* an indent html2text left as an entity: &emsp;&emsp;, &nbsp; */
	if (n >= 6 && u[0] == '&') {
		static const char *const ents[] = { "&emsp;", "&ensp;", "&nbsp;", "&#12288;", "&#8195;", "&#160;", "&thinsp;", NULL };
		const char *const *e;
		for (e = ents; *e; e++) {
			size_t l = strlen(*e);
			if (n >= l && memcmp(s, *e, l) == 0)
				return l;
		}
	}
	return 0;
}

size_t
rk_trailing_blank(const char *s, size_t n)
{
	size_t t = n;
	for (;;) {
		if (t >= 1 && rk_blank_len(s + t - 1, 1) == 1) { t -= 1; continue; }
		if (t >= 2 && rk_blank_len(s + t - 2, 2) == 2) { t -= 2; continue; }
		if (t >= 3 && rk_blank_len(s + t - 3, 3) == 3) { t -= 3; continue; }
		return n - t;
	}
}

/* Drop the line's first b bytes, moving the anchors with the text; the
 * text left starts at the column where byte b stood. */
static void
drop_front(rk_input *in, size_t b)
{
	size_t j, o;
	long col = col_at(in, b);
	memmove(in->line, in->line + b, in->len - b);
	in->len -= b;
	for (j = o = 0; j < in->nanch; j++)
		if (in->anchors[j].off > b) {
			in->anchors[o] = in->anchors[j];
			in->anchors[o++].off -= b;
		}
	in->nanch = o;
	/* put the first anchor back in front */
	add_anchor(in, 0, col);
	if (in->nanch > 1) {
		rk_anchor first = in->anchors[in->nanch - 1];
		memmove(in->anchors + 1, in->anchors, (in->nanch - 1) * sizeof *in->anchors);
		in->anchors[0] = first;
	}
}

/* Drop leading blanks, noting a form feed among them. */
static void
trim_leading(rk_input *in)
{
	size_t b = 0, k;
	while ((k = rk_blank_len(in->line + b, in->len - b)) > 0) {
		if (in->line[b] == '\f')
			in->formfeed++;
		b += k;
	}
	if (b > 0)
		drop_front(in, b);
}

/* Where to cut a line that reached RK_LINE_MAX: after the last 。 in its
 * final 16 KiB if there is one, else at the end. */
static size_t
cut_point(const rk_input *in)
{
	size_t lo = in->len > (1 << 14) ? in->len - (1 << 14) : 0, i;
	for (i = in->len; i >= lo + 3; i--)
		if (memcmp(in->line + i - 3, "\xE3\x80\x82", 3) == 0)
			return i;
	return in->len;
}

/* Begin the next line: a new physical line, or the rest of a long one. */
static void
start_line(rk_input *in, int continuing)
{
	if (continuing && in->carry_from < in->carry_end) {
		in->len = in->carry_end;
		drop_front(in, in->carry_from);
	} else {
		in->len = 0;
		in->nanch = 0;
		add_anchor(in, 0, continuing ? in->nextcol : 0);
	}
}

void
rk_in_begin_field(rk_input *in)
{
	in->record_end = 0;
	in->record_term = 0;
	in->lineno = 1;
	in->newline_seen = 0;
	in->cont = 0;
	in->warned_bad = in->warned_long = 0;
}

void
rk_in_skip_field(rk_input *in)
{
	while (rk_in_line(in))
		;
}

/* What is read next, refilled when short; 1 if it is all the input left. */
static int
buffered(rk_input *in, const unsigned char **src, size_t *avail)
{
	if (in->cd == (iconv_t)-1) {
		if (!in->eof && (in->rawlen - in->rawpos < 8 || in->want_fill))
			fill_raw(in);
		in->want_fill = 0;
		*src = in->raw + in->rawpos;
		*avail = in->rawlen - in->rawpos;
		return in->eof;
	}
	if (in->declen - in->decpos < 8 && !in->dec_done)
		fill_dec(in);
	*src = in->dec + in->decpos;
	*avail = in->declen - in->decpos;
	return in->dec_done;
}

/* Consume n bytes of what buffered() gave. */
static void
advance(rk_input *in, size_t n)
{
	if (in->cd == (iconv_t)-1)
		in->rawpos += n;
	else
		in->decpos += n;
}

/* Valid UTF-8 of s[0..n) appended to *buf at *len: invalid bytes and NUL
 * become U+FFFD, as in lines. */
static void
append_valid(char **buf, size_t *len, size_t *cap, const unsigned char *s, size_t n)
{
	size_t i = 0;
	if (*len + 3 * n + 1 > *cap) {
		*cap = 2 * (*len + 3 * n + 1);
		*buf = rk_realloc(*buf, *cap);
	}
	while (i < n) {
		int l = s[i] ? seqlen(s + i, n - i) : 0;
		if (l <= 0) {
			memcpy(*buf + *len, REPL, 3);
			*len += 3;
			i++;
			continue;
		}
		memcpy(*buf + *len, s + i, (size_t)l);
		*len += (size_t)l;
		i += (size_t)l;
	}
}

int
rk_in_raw_field(rk_input *in, char **buf, size_t *len, size_t *cap)
{
	int any = 0;
	*len = 0;
	if (in->record_end)
		return 0;
	for (;;) {
		const unsigned char *src;
		size_t avail, k;
		int final, end;
		final = buffered(in, &src, &avail);
		if (avail == 0) {
			if (!final)
				continue;
			in->record_end = 1;
			in->record_term = 0;
			return any;
		}
		any = 1;
		if (in->pending_cr) {
			in->pending_cr = 0;
			if (src[0] == '\n') {
				advance(in, 1);
				continue;
			}
		}
		for (k = 0; k < avail && src[k] != '\t' && src[k] != '\n' && src[k] != '\r'; k++)
			;
		end = k < avail;
		/* a character cut by the buffer's end waits for the rest */
		if (!end && !final) {
			while (k > 0 && k + 3 > avail && (src[k - 1] & 0xC0) == 0x80)
				k--;
			if (k > 0 && src[k - 1] >= 0xC0)
				k--;
		}
		/* bounded memory: past RK_FIELD_MAX the rest is read past */
		if (*len < RK_FIELD_MAX)
			append_valid(buf, len, cap, src, k);
		else if (k)
			in->raw_cut = 1;
		if (end) {
			in->record_end = 1;
			in->record_term = src[k] == '\t' ? '\t' : '\n';
			if (src[k] == '\r') {
				if (k + 1 < avail)
					k += src[k + 1] == '\n';
				else
					in->pending_cr = 1;
			}
			advance(in, k + 1);
			return 1;
		}
		advance(in, k);
	}
}

int
rk_in_line(rk_input *in)
{
	int eol = 0;
	if (in->record_end)
		return 0;
	if (in->cont) {
		start_line(in, 1);
		in->piece = 1;
	} else {
		if (in->newline_seen)
			in->lineno++;
		start_line(in, 0);
		in->piece = 0;
		/* (on the iconv path a decoder thread may own rawpos) */
		if (in->cd == (iconv_t)-1)
			in->linestart = in->rawbase + in->rawpos;
	}
	in->cont = 0;
	in->newline_seen = 0;
	in->formfeed = 0;
	for (;;) {
		const unsigned char *src;
		size_t avail, used;
		int final;
		final = buffered(in, &src, &avail);
		if (in->cd != (iconv_t)-1 && in->bad_at >= 0 && (size_t)in->bad_at < in->decpos + avail) {
			/* warn when the line holding the first bad byte is this one */
			size_t at = (size_t)in->bad_at - in->decpos;
			const unsigned char *nl = memchr(src, '\n', avail);
			if (!nl || at <= (size_t)(nl - src)) {
				warn_bad(in);
				in->bad_at = -1;
			}
		}
		if (avail == 0) {
			if (!final)
				continue;
			if (in->len == 0)
				return 0;
			break;
		}
		used = take(in, src, avail, final, &eol);
		advance(in, used);
		if (in->switch_pending) {
			switch_region(in);
			continue;
		}
		if (eol)
			break;
		if (in->len >= RK_LINE_MAX - 4) {
			if (!in->warned_long) {
				in->warned_long = 1;
				rk_warn("%s: line %ld: longer than %d KiB, processed in pieces", in->name,
				        in->lineno, RK_LINE_MAX >> 10);
			}
			in->carry_end = in->len;
			in->carry_from = cut_point(in);
			in->nextcol = col_at(in, in->len);
			in->len = in->carry_from;
			in->cont = 1;
			return 1;
		}
	}
	in->newline_seen = eol;
	{
		size_t t = rk_trailing_blank(in->line, in->len);
		/* a line of blanks only: a form feed among them is a page break */
		if (t == in->len && memchr(in->line, '\f', t))
			in->formfeed = 1;
		in->len -= t;
	}
	/* a zero-width character among the trailing blanks left an anchor
	 * past the text: nothing follows it now */
	while (in->nanch > 1 && in->anchors[in->nanch - 1].off > in->len)
		in->nanch--;
	if (!in->piece)
		trim_leading(in);
	return 1;
}
