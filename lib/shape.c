/* The shape a converter gave a document's lines, learnt from its first
 * lines: hard-wrapped at a width (pdftotext, antiword, lynx, w3m), with
 * paragraph starts shown by an indent or by blank lines or by neither,
 * page numbers and running headers at page breaks, the gaps a typesetter
 * puts between Han and Latin or digits.  The reader undoes them.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Width in half-columns of a line as a converter laid it out: Han, kana,
 * CJK punctuation, full-width forms and the curly quotes a CJK font sets
 * full-width take 4; a space 1 (a typeset gap is narrow, and monospace
 * converters put few inside CJK text), none where every character is
 * letter-spaced;
 * anything else 2. */
int
rk_line_width(const char *s, size_t n)
{
	/* half-columns a lead byte gives: 0 for continuation bytes, -1 where
	 * the code point decides (U+2000..U+2FFF, U+E000..U+FFFF) */
	static signed char lead[256];
	static int ready;
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	int w = 0;
	/* a letter-spaced line's spaces are the justification's stretch */
	int space = memchr(s, ' ', n) && rk_letter_spaced(s, n) == 2 ? 0 : 1;
	if (!ready) {
		for (i = 0; i < 256; i++)
			lead[i] = i < 0x80 ? 2 : i < 0xC0 ? 0 : i < 0xE0 ? 2 : i == 0xE2 || i >= 0xEE ? -1 : 4;
		lead[0xF0] = lead[0xF1] = lead[0xF2] = lead[0xF3] = lead[0xF4] = 4;
		ready = 1;
	}
	for (i = 0; i < n; i++) {
		int k = lead[u[i]];
		if (k >= 0) {
			w += u[i] == ' ' ? space : k;
			continue;
		}
		{
			unsigned cp = i + 2 < n ? ((u[i] & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F) : 0;
			w += (cp >= 0x2E80 && cp <= 0x2FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
			     (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
			     (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x2018 && cp <= 0x201F) ||
			     cp == 0x2014 || cp == 0x2026 || cp == 0x2500 ? 4 : 2;
		}
	}
	return w;
}

/* An ASCII or full-width digit at s: its byte length, else 0. */
static int
digit_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 1 && u[0] >= '0' && u[0] <= '9')
		return 1;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
		return 3;
	return 0;
}

/* Skips blanks (ASCII space, U+3000) from i. */
static size_t
blanks(const char *s, size_t n, size_t i)
{
	for (;;) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 3 <= n && memcmp(s + i, "\u3000", 3) == 0)
			i += 3;
		else
			return i;
	}
}

/* A run of digits from *i (after blanks); its value, or -1 if none. */
static long
number(const char *s, size_t n, size_t *i)
{
	long v = -1;
	int l;
	*i = blanks(s, n, *i);
	while ((l = digit_len(s + *i, n - *i)) > 0) {
		unsigned d = l == 1 ? (unsigned char)s[*i] - '0' : (unsigned char)s[*i + 2] - 0x90;
		v = (v < 0 ? 0 : v) * 10 + d;
		if (v > 99999)
			return -1;
		*i += (size_t)l;
	}
	*i = blanks(s, n, *i);
	return v;
}

/* A dash a page number stands between: — – - － ─ ‒ */
static int
dash_len(const char *s, size_t n)
{
	static const char *const dashes[] = { "—", "–", "－", "─", "‒", "-", NULL };
	const char *const *d;
	for (d = dashes; *d; d++) {
		size_t l = strlen(*d);
		if (n >= l && memcmp(s, *d, l) == 0)
			return (int)l;
	}
	return 0;
}

static int
word_at(const char *s, size_t n, size_t *i, const char *w)
{
	size_t l = strlen(w);
	*i = blanks(s, n, *i);
	if (*i + l <= n && memcmp(s + *i, w, l) == 0) {
		*i = blanks(s, n, *i + l);
		return 1;
	}
	return 0;
}

/* A page number on a line of its own, in the forms printed documents use:
 *   —3—  — 14 —  - 3 -  -3-       (GB/T 9704 and its variants)
 *   第3页  第 3 页 共 12 页  共12页 第3页  第3页/共12页
 *   3/12  3 / 12  Page 3  Page 3 of 12
 * A bare number is not one here: the reader decides it by its place. */
int
rk_is_page_number(const char *s, size_t n)
{
	size_t i = 0, j;
	long a, b;
	int l, dashes = 0;
	if (n == 0 || n > 48)
		return 0;
	/* the forms start with a dash, a digit, 第, 共 or Page */
	{
		unsigned char c = (unsigned char)s[0];
		if (!(c == '-' || c == 'P' || c == 'p' || (c >= '0' && c <= '9') || c == 0xE2 || c == 0xEF ||
		      rk_has_prefix(s, n, "第") || rk_has_prefix(s, n, "共")))
			return 0;
	}
	/* dashes around a number */
	while ((l = dash_len(s + i, n - i)) > 0) {
		i = blanks(s, n, i + (size_t)l);
		dashes++;
	}
	if (dashes) {
		if (number(s, n, &i) < 0)
			return 0;
		j = i;
		while ((l = dash_len(s + i, n - i)) > 0)
			i = blanks(s, n, i + (size_t)l);
		return i == n && i > j;
	}
	i = 0;
	if (word_at(s, n, &i, "第")) {
		if (number(s, n, &i) < 0 || !word_at(s, n, &i, "页"))
			return 0;
		if (i == n)
			return 1;
		(void)(word_at(s, n, &i, "，") || word_at(s, n, &i, ",") || word_at(s, n, &i, "/"));
		if (!word_at(s, n, &i, "共") || number(s, n, &i) < 0 || !word_at(s, n, &i, "页"))
			return 0;
		return i == n;
	}
	if (word_at(s, n, &i, "共")) {
		if (number(s, n, &i) < 0 || !word_at(s, n, &i, "页"))
			return 0;
		(void)(word_at(s, n, &i, "，") || word_at(s, n, &i, ","));
		return word_at(s, n, &i, "第") && number(s, n, &i) >= 0 && word_at(s, n, &i, "页") && i == n;
	}
	if (word_at(s, n, &i, "Page") || word_at(s, n, &i, "page")) {
		if (number(s, n, &i) < 0)
			return 0;
		if (i == n)
			return 1;
		return word_at(s, n, &i, "of") && number(s, n, &i) >= 0 && i == n;
	}
	/* 3/12: the page not past the count */
	if ((a = number(s, n, &i)) > 0 && (word_at(s, n, &i, "/") || word_at(s, n, &i, "／")) &&
	    (b = number(s, n, &i)) >= a && i == n)
		return 1;
	return 0;
}

/* A line of digits only (1 to 4): a page number where pages end there. */
int
rk_is_bare_number(const char *s, size_t n)
{
	size_t i = 0;
	long v = number(s, n, &i);
	return v >= 0 && i == n && n <= 12;
}

/* Running headers and footers compare with digits left out, so that
 * `政府工作报告 · 3` is the same line on every page. */
static size_t
header_key(const char *s, size_t n, char *out, size_t max)
{
	size_t i = 0, o = 0;
	while (i < n && o < max) {
		int l = digit_len(s + i, n - i);
		if (l) {
			i += (size_t)l;
			continue;
		}
		if (s[i] == ' ') {
			i++;
			continue;
		}
		out[o++] = s[i++];
	}
	return i < n ? 0 : o;
}

static int
header_find(const rk_shape *sh, const char *key, size_t kl)
{
	int k;
	for (k = 0; k < sh->ncand; k++)
		if (sh->cand[k].len == kl && memcmp(sh->cand[k].key, key, kl) == 0)
			return k;
	return -1;
}

/* A line at a page's edge (the first after a page break, or the last
 * before one): seen twice, the same line is a running header or footer. */
void
rk_shape_edge(rk_shape *sh, const char *s, size_t n)
{
	char key[RK_HEADER_MAX];
	size_t kl;
	int k;
	/* a header is no sentence: the short last line of a paragraph that
	 * two pages happen to end with is not one */
	if (n == 0 || n > RK_HEADER_MAX || rk_ends_final(s, n) ||
	    (kl = header_key(s, n, key, sizeof key)) == 0)
		return;
	if ((k = header_find(sh, key, kl)) >= 0) {
		sh->cand[k].seen++;
		return;
	}
	/* a small table: the newest candidate takes the place of the least seen */
	if (sh->ncand < RK_NHEADER)
		k = sh->ncand++;
	else {
		int j;
		for (k = 0, j = 1; j < sh->ncand; j++)
			if (sh->cand[j].seen < sh->cand[k].seen)
				k = j;
		if (sh->cand[k].seen >= 2)
			return;
	}
	memcpy(sh->cand[k].key, key, kl);
	sh->cand[k].len = kl;
	sh->cand[k].seen = 1;
}

int
rk_shape_is_header(const rk_shape *sh, const char *s, size_t n)
{
	char key[RK_HEADER_MAX];
	size_t kl;
	int k;
	if (n == 0 || n > RK_HEADER_MAX)
		return 0;
	/* most texts have no running header: no key to make then */
	for (k = 0; k < sh->ncand && sh->cand[k].seen < 2; k++)
		;
	if (k == sh->ncand || (kl = header_key(s, n, key, sizeof key)) == 0)
		return 0;
	k = header_find(sh, key, kl);
	return k >= 0 && sh->cand[k].seen >= 2;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int
is_han_cp(unsigned cp)
{
	return rk_is_cjk(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2014 || cp == 0x2026;
}

static int
is_alnum_cp(unsigned cp)
{
	return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || cp == '%';
}

/* What kind of gap a space between prev and next is. */
enum { GAP_NONE, GAP_HAN_ALNUM, GAP_HAN_HAN };
static int
gap_kind(unsigned prev, unsigned next)
{
	if ((is_han_cp(prev) && is_alnum_cp(next)) || (is_alnum_cp(prev) && is_han_cp(next)))
		return GAP_HAN_ALNUM;
	if (is_han_cp(prev) && is_han_cp(next))
		return GAP_HAN_HAN;
	return GAP_NONE;
}

/* Counts, in s, the Han-to-Latin/digit boundaries with a single space;
 * and, only where there are some, those without one. */
static void
count_gaps(const char *s, size_t n, int *spaced, int *tight)
{
	const char *p = s, *end = s + n;
	int found = 0;
	size_t i;
	while ((p = memchr(p, ' ', (size_t)(end - p))) != NULL) {
		int l;
		if (p > s && p + 1 < end && p[-1] != ' ' && p[1] != ' ' &&
		    gap_kind(rk_u8last(s, (size_t)(p - s), &l), rk_u8dec(p + 1, (size_t)(end - p - 1), &l)) ==
		        GAP_HAN_ALNUM)
			found++;
		p++;
	}
	*spaced += found;
	if (!found)
		return;
	/* the boundaries without a space: an alnum byte beside a Han character's bytes */
	for (i = 1; i < n; i++) {
		unsigned char a = (unsigned char)s[i - 1], b = (unsigned char)s[i];
		int alnum_a = a < 0x80 && is_alnum_cp(a), alnum_b = b < 0x80 && is_alnum_cp(b);
		if ((alnum_b && a >= 0x80) || (alnum_a && b >= 0xE0)) {
			int l;
			unsigned cp = alnum_b ? rk_u8last(s, i, &l) : rk_u8dec(s + i, n - i, &l);
			*tight += is_han_cp(cp);
		}
	}
}

void
rk_shape_learn(rk_shape *sh, const rk_lineinfo *v, size_t n)
{
	int w[RK_SHAPE_LINES], d[RK_SHAPE_LINES];
	long ind[RK_SHAPE_LINES];
	size_t i, nw = 0, nd = 0, band = 0, over = 0;
	int spaced = 0, tight = 0, W, slack;
	long margin = 0;
	size_t best = 0, indented = 0;

	memset(sh, 0, sizeof *sh);
	for (i = 0; i < n && nw < RK_SHAPE_LINES; i++) {
		if (v[i].furn)
			continue;
		count_gaps(v[i].s, v[i].n, &spaced, &tight);
		ind[nw] = v[i].indent;
		w[nw++] = v[i].width;
	}
	sh->spaced = spaced >= 3 && spaced >= tight;
	/* running headers: lines at the page edges of these first pages */
	for (i = 0; i < n; i++) {
		if (v[i].furn)
			continue;
		if (v[i].ff || (i > 0 && v[i - 1].furn))
			rk_shape_edge(sh, v[i].s, v[i].n);
		else if (i + 1 < n && (v[i + 1].ff || v[i + 1].furn))
			rk_shape_edge(sh, v[i].s, v[i].n);
	}
	if (nw < 8)
		return;
	/* the wrap width: most lines of a hard-wrapped text end near it */
	qsort(w, nw, sizeof *w, cmp_int);
	W = w[nw * 9 / 10];
	if (W < 40)
		return;
	for (i = 0; i < nw; i++)
		if (w[i] * 4 >= W * 3 && w[i] <= W + 8)
			d[nd++] = W - w[i] > 0 ? W - w[i] : 0;
	qsort(d, nd, sizeof *d, cmp_int);
	slack = (nd ? d[nd * 19 / 20] : 0) + 4;
	if (slack > W / 6)
		slack = W / 6;
	if (slack < 4)
		slack = 4;
	for (i = 0; i < nw; i++) {
		if (w[i] >= W - slack && w[i] <= W + 8)
			band++;
		else if (w[i] > W + 8)
			over++;
	}
	/* two lines in five near the width; or (short paragraphs, many
	 * headings) one in four, tightly, with hardly a line past it */
	if (band * 5 < nw * 2 && !(band >= 4 && band * 4 >= nw && over * 20 <= nw && slack * 8 <= W))
		return;    /* a line a paragraph, as web text is */
	sh->wrapped = 1;
	sh->width = W;
	sh->slack = slack;
	/* the common left margin, and paragraph starts indented past it */
	{
		long cand[8];
		size_t cnt[8], nc = 0, k;
		for (i = 0; i < nw; i++) {
			for (k = 0; k < nc && cand[k] != ind[i]; k++)
				;
			if (k == nc) {
				if (nc == 8)
					continue;
				cand[nc] = ind[i];
				cnt[nc++] = 0;
			}
			cnt[k]++;
		}
		for (k = 0; k < nc; k++)
			if (cnt[k] > best) {
				best = cnt[k];
				margin = cand[k];
			}
		/* the commonest indent past the margin is a first line's */
		best = 0;
		for (k = 0; k < nc; k++)
			if (cand[k] > margin && cand[k] <= margin + 8 && cnt[k] > best) {
				best = cnt[k];
				sh->para_indent = cand[k];
			}
		indented = best;
	}
	sh->margin = margin;
	sh->indent = indented >= 3 && indented * 20 >= nw;
	/* blank lines part paragraphs where most lines that end one (short
	 * ones) have a blank line after, but not in double-spaced text, which
	 * has one after nearly every line */
	{
		size_t lines = 0, blank_after = 0, short_lines = 0, short_blank = 0;
		for (i = 0; i + 1 < n; i++) {
			int after;
			if (v[i].furn || v[i + 1].furn)
				continue;
			after = v[i + 1].blanks > 0;
			lines++;
			blank_after += after;
			if (v[i].width < W - slack) {
				short_lines++;
				short_blank += after;
			}
		}
		sh->blank_sep = short_lines >= 3 && short_blank * 10 >= short_lines * 6 &&
		                !(lines >= 8 && blank_after * 10 >= lines * 7);
	}
	/* where the converter dropped the indent, are first lines (after a
	 * paragraph's short last line) short by it, against lines that go on
	 * a paragraph, or full as monospace converters leave them? */
	if (!sh->indent) {
		int first[RK_SHAPE_LINES], cont[RK_SHAPE_LINES];
		size_t nf = 0, nc = 0;
		for (i = 1; i < n; i++) {
			const rk_lineinfo *p = &v[i - 1], *q = &v[i];
			if (p->furn || q->furn || q->width < W - slack - 8)
				continue;
			if (p->width < W - slack && rk_ends_final(p->s, p->n))
				first[nf++] = q->width;
			else if (p->width >= W - slack && i + 1 < n && !v[i + 1].furn && v[i + 1].width >= W - slack)
				cont[nc++] = q->width;
		}
		qsort(first, nf, sizeof *first, cmp_int);
		qsort(cont, nc, sizeof *cont, cmp_int);
		sh->first_short = nf >= 3 && nc >= 3 && first[nf / 2] <= cont[nc / 2] - 6;
	}
}

/* Letter-spaced: a justified line pdftotext wrote with a space between
 * each pair of characters (范 型 老 人 家 食 堂 30 个 ，): 2; with one
 * between every second pair: 1; else 0. */
int
rk_letter_spaced(const char *s, size_t n)
{
	/* a space every character or two: far more spaces than a byline's */
	{
		const char *q = s, *e = s + n;
		size_t spaces = 0;
		while ((q = memchr(q, ' ', (size_t)(e - q))) != NULL) {
			spaces++;
			q++;
		}
		if (spaces < 4 || spaces * 10 < n)
			return 0;
	}
	size_t i = 0;
	unsigned prev = 0, cp;
	int l, gap = 0, spaced = 0, tight = 0;
	while (i < n) {
		cp = rk_u8dec(s + i, n - i, &l);
		if (cp == ' ')
			gap++;
		else {
			if (prev && gap_kind(prev, cp) == GAP_HAN_HAN) {
				if (gap == 1)
					spaced++;
				else if (gap == 0)
					tight++;
			}
			prev = cp;
			gap = 0;
		}
		i += (size_t)l;
	}
	/* every pair, or (pdftotext parting a stretched line into words)
	 * every second pair: 过去 一年 很不 平凡 。在 以习 */
	if (spaced < 4 || spaced * 3 < tight)
		return 0;
	return spaced >= 2 * tight ? 2 : 1;
}

/* Is the single space between prev and next a gap to close?  In a
 * typesetter-spaced document the Han-to-Latin/digit gaps; in a
 * letter-spaced line all but those between Latin words. */
int
rk_gap_closes(unsigned prev, unsigned next, int spaced, int letters)
{
	int k = gap_kind(prev, next);
	/* a letter-spaced line spaces digits and signs too (86.3 %), but
	 * not the words of Latin text */
	if (letters)
		return !(prev < 0x80 && next < 0x80 && ((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') &&
		         ((next | 0x20) >= 'a' && (next | 0x20) <= 'z'));
	/* a unit's slash set as Latin: 2130 吨 / 天 */
	if (spaced && ((is_han_cp(prev) && next == '/') || (prev == '/' && is_han_cp(next))))
		return 1;
	return k == GAP_HAN_ALNUM && spaced;
}
