/* Lines -> paragraphs -> blocks with their place in the outline.
 *
 * Paragraphs: scraped pages break them across lines; a line is joined to
 * the next only on clear evidence (an open bracket or quote, a trailing
 * comma, a mid-sentence break, a fragment like "PM" / "2.5", a next line
 * starting with closing punctuation) and never when the next line starts
 * a heading.
 *
 * Outline: levels come from nesting, not from the marker: the first style
 * seen is level 1, a new style nests below the current one, a style
 * already open closes back to it.  One paragraph of look-ahead tells an
 * unnumbered heading (body follows) from a photo caption (nothing does).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "internal.h"

#define RK_PARA_MAX (1 << 19)
/* lines a paragraph joins at most: each brings an anchor, and 2 M lines
 * of one character would make a paragraph of 2 M anchors */
#define RK_PARA_ANCHORS (1 << 13)
#define MAXDEPTH 16
#define SECTMAX (MAXDEPTH * 11 + sizeof RK_SECT_SIGN + 1)

const char *const rk_kind_name[RK_NKIND] = { "title", "heading", "item", "para", "meta" };
const char *const rk_entry_name[] = { "", "title", "heading", "item", "lead" };

typedef struct {
	char *text;
	size_t len, cap;
	rk_anchor *anch;
	size_t nanch, anchcap;
	int cont;        /* continues the paragraph before (a long line cut in pieces) */
	/* rk_marker_at() of the text as it is, once known (the reader asks
	 * of a line when it is read and again as its paragraph) */
	int mark_known, marked;
	rk_marker mark;
	int furn_known, furniture;    /* rk_is_furniture() of the text, once known */
	/* what is known of the whole text, kept up as lines are appended so
	 * that joining a line never rescans the paragraph */
	int quotes, parens, titles;   /* “ less ”, （ less ）, 《 less 》 */
	int cjk, sentmark, comma;     /* holds Han (a byte from 0xE3), 。！？；, ， */
	size_t chars;                 /* characters, counted up to CHARS_CAP */
	size_t scanned;               /* bytes the facts above cover: they are found when asked (facts()) */
	/* the shape of a line (or of a paragraph's last line) */
	int width;                    /* rk_line_width() as the line came, 0 if not measured */
	long indent;                  /* blank columns it lost at its start */
	int ff, blanks, piece;        /* after a page break; blank lines before it; a piece of a long line */
	int furn;                     /* page furniture: a page number 1, a running header 2, a page's data 3 */
	int nlines;                   /* lines joined into it */
	int justified;                /* letter-spaced: a justified line, so not a paragraph's last */
	int prevwidth;                /* width of the line before the last, 0 if none */
} para_t;

#define CHARS_CAP 128
#define RK_HELD 8                 /* furniture lines held while a paragraph goes on past them */
#define RK_LOOKAHEAD 8            /* paragraphs a run-in subheading looks ahead for another */
#define RK_LOOKAHEAD_BYTES (1 << 18)

typedef struct {
	rk_block b;
	char sect[SECTMAX];
} qblock;

enum { ZONE_HEAD, ZONE_BODY, ZONE_TAIL };

struct rk_reader {
	rk_input in;
	char *name;
	para_t line;           /* the line read ahead */
	int have_line, line_piece, line_blanks;
	para_t cur, next;
	int have_next, started;

	int zone, title_seen, meta_seen;
	int glossary;          /* level of an open glossary, 0 if none */
	int styles[MAXDEPTH + 1], counters[MAXDEPTH + 1], depth;
	int item_last;         /* number of the last item in the open item run */
	/* the sect format_sect() wrote last, the counters it shows and where
	 * the text of each level ends */
	char sect_text[SECTMAX];
	size_t sect_end[MAXDEPTH + 1];
	int sect_depth, sect_counters[MAXDEPTH + 1];
	int attach_list;       /* inside 附件：1.… 2.… */

	qblock *q;
	size_t qn, qi, qcap;

	/* the document's shape, learnt from lines read ahead into win */
	rk_shape shape;
	int shaped;
	para_t win[RK_SHAPE_LINES];
	size_t win_head, win_n;
	para_t held[RK_HELD];   /* page furniture inside a paragraph, given after it */
	para_t la[RK_LOOKAHEAD];   /* paragraphs read past r->next (peek_para()) */
	size_t la_head, la_n;
	unsigned long heading_serial;  /* headings opened so far, run-in ones aside */
	unsigned long runin_serial;    /* the section holding run-in subheadings, + 1 */
	size_t nheld, held_head;
	int after_furn;         /* the line before was page furniture */
	int boxtable;           /* in a table w3m drew: 1 of several columns, 2 of a page's data */

	/* rkit TSV input (rsplit output): column numbers, -1 if absent */
	int tsv, col_doc, col_sect, col_line, col_col, col_kind, col_text, ncols;
	int docs, col_id;      /* one document per row: ids and text in these columns */
	long record;           /* rows read, for messages */
	long short_rows, first_short;   /* rows without the text column (short_row()) */
	long long_rows, first_long;     /* rows with an id or carried column too long */
	int short_said, long_said;
	const char *text_name; /* --text by name, for messages; NULL by number */
	const char *docname;   /* r->name, or the current row's id */
	int fresh_doc;         /* no block emitted yet in this document */
	char *rowdoc;          /* the doc of the current row */
	size_t rowdoc_cap;
	rk_anchor rowanchor;
	long rowchars;         /* characters of the last row's text */
	int warned_row;
	struct { size_t at; rk_marker m; } *cands;   /* item markers in a paragraph */
	size_t candcap;
	char prevsect[SECTMAX];   /* a para row opening a new sect is a lead */

	/* --text input: the columns carried through, each after a tab */
	int carry, warned_after;
	char *carried, *cnames, *field;
	size_t carriedlen, carriedcap, cnameslen, cnamescap, fieldlen, fieldcap;

	int want_ahead;        /* rk_opts.ahead: start the thread at the first rk_next() */
	size_t (*prescan)(const char *, size_t, unsigned *, size_t);   /* rk_opts.prescan */
	rk_ahead *ahead;       /* the thread reading ahead, once started */
};

/* ---- paragraphs ------------------------------------------------------ */

static void
para_reserve(para_t *p, size_t len, size_t nanch)
{
	if (len > p->cap) {
		p->cap = len < 4096 ? 4096 : len + len / 2;
		p->text = rk_realloc(p->text, p->cap);
	}
	if (nanch > p->anchcap) {
		p->anchcap = nanch + 8;
		p->anch = rk_realloc(p->anch, p->anchcap * sizeof *p->anch);
	}
}

/* The running facts of p for its bytes from `from` on. */
static void
para_scan(para_t *p, size_t from)
{
	const unsigned char *u = (const unsigned char *)p->text;
	size_t i, n = p->len;
	for (i = from; i < n; i++) {
		unsigned char c = u[i];
		if ((c & 0xC0) != 0x80 && p->chars < CHARS_CAP)
			p->chars++;
		if (c < 0xE2)
			continue;
		if (c >= 0xE3)
			p->cjk = 1;
		if (i + 2 >= n)
			continue;
		if (c == 0xE2 && u[i + 1] == 0x80)
			p->quotes += u[i + 2] == 0x9C ? 1 : u[i + 2] == 0x9D ? -1 : 0;    /* “ ” */
		else if (c == 0xEF && u[i + 1] == 0xBC) {
			p->parens += u[i + 2] == 0x88 ? 1 : u[i + 2] == 0x89 ? -1 : 0;    /* （ ） */
			p->sentmark |= u[i + 2] == 0x81 || u[i + 2] == 0x9F || u[i + 2] == 0x9B;  /* ！？； */
			p->comma |= u[i + 2] == 0x8C;                                     /* ， */
		} else if (c == 0xE3 && u[i + 1] == 0x80) {
			p->titles += u[i + 2] == 0x8A ? 1 : u[i + 2] == 0x8B ? -1 : 0;    /* 《 》 */
			p->sentmark |= u[i + 2] == 0x82;                                  /* 。 */
		}
	}
}

static void
facts_reset(para_t *p)
{
	p->quotes = p->parens = p->titles = p->cjk = p->sentmark = p->comma = 0;
	p->chars = p->scanned = 0;
}

/* p with its running facts brought up to its text: each byte is looked
 * at once, and only if a question needs it (most lines end in 。 and are
 * decided without). */
static para_t *
facts(para_t *p)
{
	if (p->scanned < p->len) {
		para_scan(p, p->scanned);
		p->scanned = p->len;
	}
	return p;
}

/* Clears the running facts: the text is empty again. */
static void
para_clear(para_t *p)
{
	p->len = p->nanch = 0;
	facts_reset(p);
	p->mark_known = p->furn_known = 0;
}

/* Paragraph p's shape after line b, whose text was just appended. */
static void
para_add_line(para_t *p, const para_t *b)
{
	p->prevwidth = p->width;
	p->width = b->width;
	p->justified = b->justified;
	p->nlines++;
}

/* rk_is_furniture() of p's text, asked once while the text stays */
static int
para_furniture(para_t *p)
{
	if (!p->furn_known) {
		p->furniture = rk_is_furniture(p->text, p->len);
		p->furn_known = 1;
	}
	return p->furniture;
}

static void
para_append(para_t *p, const char *s, size_t n, const rk_anchor *a, size_t na)
{
	size_t i;
	p->mark_known = p->furn_known = 0;
	para_reserve(p, p->len + n, p->nanch + na);
	if (n)   /* an empty row's text: p->text may still be NULL */
		memcpy(p->text + p->len, s, n);
	for (i = 0; i < na; i++) {
		p->anch[p->nanch] = a[i];
		p->anch[p->nanch++].off += p->len;
	}
	p->len += n;
}

/* rk_marker_at() of p's text, computed once while the text stays */
static int
para_marker(para_t *p, rk_marker *m)
{
	if (!p->mark_known) {
		p->marked = rk_marker_at(p->text, p->len, &p->mark);
		p->mark_known = 1;
	}
	*m = p->mark;
	return p->marked;
}

static void
para_swap(para_t *a, para_t *b)
{
	para_t t = *a;
	*a = *b;
	*b = t;
}

/* Drops the first k bytes of line p (a table's border), its text then
 * starting at the column where byte k stood. */
static void
drop_front(para_t *p, size_t k)
{
	size_t j, o = 0, i;
	long line = p->nanch ? p->anch[0].line : 0, col = 0;
	for (j = 0; j < p->nanch && p->anch[j].off <= k; j++) {
		line = p->anch[j].line;
		col = p->anch[j].col;
		i = p->anch[j].off;
		(void)i;
	}
	/* the column of byte k: from the last anchor at or before it */
	{
		size_t from = j ? p->anch[j - 1].off : 0;
		col += (long)rk_u8count(p->text + from, k - from);
	}
	memmove(p->text, p->text + k, p->len - k);
	p->len -= k;
	p->anch[o].off = 0;
	p->anch[o].line = line;
	p->anch[o++].col = col;
	for (; j < p->nanch; j++) {
		p->anch[o] = p->anch[j];
		p->anch[o++].off -= k;
	}
	p->nanch = o;
	facts_reset(p);
	p->mark_known = p->furn_known = 0;
}

/* A row of a table a converter drew round the text (a page's body set in
 * a table cell): pandoc's "| text |", w3m's "│text│" read as the text; and
 * html2text's headings "**** 一、… ****" as the heading.  The bars and
 * stars are layout, dropped as blanks are, and so are the blanks (NBSP
 * indents too) between them and the text.  A row with nothing between its
 * bars (pandoc's grid table between two paragraphs of a cell) is a blank
 * line: 0 then, else 1. */
static int
drop_table_bars(para_t *p)
{
	size_t k = 0, bar = 0, b;
	if (p->len >= 3 && p->text[0] == '|' && p->text[1] == ' ')
		bar = 1;
	else if (p->len > 3 && memcmp(p->text, "│", 3) == 0)
		bar = 3;
	else if (p->len > 6 && p->text[0] == '*' && p->text[1] == '*') {
		size_t lo = 0, hi = p->len;
		while (lo < hi && p->text[lo] == '*')
			lo++;
		while (hi > lo && p->text[hi - 1] == '*')
			hi--;
		if (lo < p->len && p->text[lo] == ' ' && hi > lo && p->text[hi - 1] == ' ' && p->len - hi >= 2) {
			p->len = hi;
			while (lo < p->len && p->text[lo] == ' ')
				lo++;
			drop_front(p, lo);
			goto trim;
		}
		return 1;
	} else
		return 1;    /* a | alone is text (a share box's separator) */
	k = bar;
	while ((b = rk_blank_len(p->text + k, p->len - k)) > 0)
		k += b;
	if (k == p->len)
		return 1;
	if (bar == 1 && k + 1 == p->len && p->text[k] == '|')
		return 0;    /* |      | */
	drop_front(p, k);
	for (;;) {
		if (p->len >= 2 && p->text[p->len - 1] == '|' && p->text[p->len - 2] == ' ')
			p->len -= 2;
		else if (p->len >= 3 && memcmp(p->text + p->len - 3, "│", 3) == 0)
			p->len -= 3;
		else
			break;
		p->len -= rk_trailing_blank(p->text, p->len);
	}
trim:
	p->len -= rk_trailing_blank(p->text, p->len);
	while (p->nanch > 1 && p->anch[p->nanch - 1].off > p->len)
		p->nanch--;
	return 1;
}

/* A line of a table of several columns that w3m drew in box characters,
 * once one of its rows holds a label (主题分类：) and no sentence: the
 * page's data about the document (索引号 发文机关 成文日期 …), page
 * furniture to its last border, the title cell's text too. */
static int
data_table_row(rk_reader *r, const char *s, size_t n)
{
	size_t bars = 0, i;
	if (rk_has_prefix(s, n, "┌")) {
		r->boxtable = memmem(s, n, "┬", 3) != NULL;
		return 0;
	}
	if (!r->boxtable)
		return 0;
	if (n < 3 || (unsigned char)s[0] != 0xE2 || (unsigned char)s[1] != 0x94) {
		r->boxtable = 0;    /* a table left unclosed ends at the first line not drawn in it */
		return 0;
	}
	if (rk_has_prefix(s, n, "└")) {
		i = r->boxtable == 2;
		r->boxtable = 0;
		return (int)i;
	}
	if (r->boxtable == 1 && rk_has_prefix(s, n, "│") && memmem(s, n, "：", 3) &&
	    !rk_has_sentence_mark(s, n)) {
		for (i = 0; i + 3 <= n; i++)
			bars += memcmp(s + i, "│", 3) == 0;
		if (bars >= 3)
			r->boxtable = 2;
	}
	return r->boxtable == 2;
}

/* Next non-blank physical line into r->line, as the input gives it. */
static int
raw_line(rk_reader *r)
{
	rk_input *in = &r->in;
	int ff = 0, datarow;
	r->line_blanks = 0;
	while (rk_in_line(in)) {
		ff |= in->formfeed;
		if (in->len == 0) {
			r->line_blanks++;
			continue;
		}
		para_clear(&r->line);
		if (in->cont)    /* the rest of the physical line stays in in->line */
			para_append(&r->line, in->line, in->len, in->anchors, in->nanch);
		else {
			/* the buffers change hands instead of the line being copied */
			char *t = r->line.text;
			size_t cap = r->line.cap;
			r->line.text = in->line;
			r->line.cap = in->cap;
			in->line = t;
			in->cap = cap;
			para_append(&r->line, r->line.text, 0, in->anchors, in->nanch);
			r->line.len = in->len;
		}
		datarow = !in->piece && (r->boxtable || (unsigned char)r->line.text[0] == 0xE2) &&
		          data_table_row(r, r->line.text, r->line.len);
		if (!in->piece && !datarow && (r->line.text[0] == '|' || r->line.text[0] == '*' ||
		                               (unsigned char)r->line.text[0] == 0xE2) &&
		    !drop_table_bars(&r->line)) {
			r->line_blanks++;
			continue;
		}
		r->line_piece = in->piece;
		r->line.piece = in->piece;
		r->line.blanks = r->line_blanks;
		r->line.ff = ff;
		/* a form feed before the text is no indent */
		r->line.indent = r->line.nanch && r->line.anch[0].off == 0 && !in->piece ?
		                 r->line.anch[0].col - in->formfeed : 0;
		r->line.furn = datarow ? 3 : rk_is_page_number(r->line.text, r->line.len);
		r->line.width = 0;
		r->line.nlines = 1;
		r->line.justified = 0;
		r->line.prevwidth = 0;
		return 1;
	}
	return 0;
}

/* Closes the gaps a typesetter put in line p (see shape.c), moving its
 * anchors so that every character keeps its column. */
static void
close_gaps(para_t *p, int spaced, int letters)
{
	rk_anchor *b;
	size_t i = 0, o = 0, k = 0, nb = 0, n = p->len;
	unsigned prev = 0;
	long line = p->nanch ? p->anch[0].line : 0, col = 0;
	int l;
	if (!memchr(p->text, ' ', n))
		return;
	b = rk_alloc((p->nanch + n / 2 + 2) * sizeof *b);
	while (i < n) {
		unsigned cp;
		for (; k < p->nanch && p->anch[k].off <= i; k++) {
			line = p->anch[k].line;
			col = p->anch[k].col;
			if (nb && b[nb - 1].off == o)
				nb--;
			b[nb].off = o;
			b[nb].line = line;
			b[nb++].col = col;
		}
		cp = rk_u8dec(p->text + i, n - i, &l);
		if (cp == ' ' && prev && i + 1 < n && p->text[i + 1] != ' ' && (k >= p->nanch || p->anch[k].off > i + 1)) {
			int l2;
			unsigned next = rk_u8dec(p->text + i + 1, n - i - 1, &l2);
			if (rk_gap_closes(prev, next, spaced, letters)) {
				i++;
				col++;
				if (nb && b[nb - 1].off == o)
					nb--;
				b[nb].off = o;
				b[nb].line = line;
				b[nb++].col = col;
				continue;
			}
		}
		memmove(p->text + o, p->text + i, (size_t)l);
		o += (size_t)l;
		i += (size_t)l;
		col++;
		prev = cp;
	}
	for (; k < p->nanch; k++) {
		if (nb && b[nb - 1].off == o)
			nb--;
		b[nb] = p->anch[k];
		b[nb++].off = o;
	}
	if (o < n) {
		p->len = o;
		facts_reset(p);
		p->furn_known = 0;
		if (nb > p->anchcap) {
			p->anchcap = nb + 8;
			p->anch = rk_realloc(p->anch, p->anchcap * sizeof *p->anch);
		}
		memcpy(p->anch, b, nb * sizeof *b);
		p->nanch = nb;
		p->mark_known = 0;
	}
	free(b);
}

/* Reads ahead the document's first lines into the window and learns its
 * shape from them; the line already read (r->line) comes first. */
static void
learn_shape(rk_reader *r)
{
	rk_lineinfo v[RK_SHAPE_LINES];
	size_t bytes = 0, i, long_lines = 0;
	r->shaped = 1;
	r->win_head = r->win_n = 0;
	r->after_furn = 0;
	for (;;) {
		para_t *w;
		if (r->have_line)
			r->have_line = 0;
		else if (r->win_n == RK_SHAPE_LINES || bytes > RK_SHAPE_BYTES ||
		         (r->win_n > 0 && rk_in_waiting(&r->in)) || !raw_line(r))
			break;    /* live, the lines that have come are enough */
		w = &r->win[r->win_n++];
		para_swap(w, &r->line);
		w->width = rk_line_width(w->text, w->len);
		bytes += w->len;
		/* a line too long for a wrapped text; four lines of 160 characters
		 * and more: a line a paragraph, as web text is */
		if (w->piece || (w->len > 480 && ++long_lines >= 4))
			break;
	}
	for (i = 0; i < r->win_n; i++) {
		v[i].s = r->win[i].text;
		v[i].n = r->win[i].len;
		v[i].width = r->win[i].width;
		v[i].indent = r->win[i].indent;
		v[i].ff = r->win[i].ff;
		v[i].blanks = r->win[i].blanks;
		v[i].furn = r->win[i].furn;
	}
	rk_shape_learn(&r->shape, v, r->win_n);
}

/* Next line with its shape undone into r->line: from the window first. */
static int
read_line(rk_reader *r)
{
	para_t *p = &r->line;
	const rk_shape *sh = &r->shape;
	int ahead = r->win_n > 0;
	if (ahead) {
		para_swap(p, &r->win[r->win_head]);
		r->win_head = (r->win_head + 1) % RK_SHAPE_LINES;
		if (--r->win_n == 0)
			r->win_head = 0;
		r->line_piece = p->piece;
		r->line_blanks = p->blanks;
	} else if (!raw_line(r))
		return 0;
	else if (sh->wrapped)
		p->width = rk_line_width(p->text, p->len);
	/* a letter-spaced line is one in any text (a short one too little to
	 * learn a width from) */
	p->justified = memchr(p->text, ' ', p->len) && rk_letter_spaced(p->text, p->len);
	if (sh->spaced || p->justified)
		close_gaps(p, sh->spaced, p->justified);
	if (sh->wrapped && !p->furn && rk_is_bare_number(p->text, p->len) && (p->blanks || p->ff))
		p->furn = 1;
	if (!p->furn && sh->ncand && rk_shape_is_header(sh, p->text, p->len))
		p->furn = 2;
	/* past the window, headers are learnt from the first line of each page */
	if (!ahead && !p->furn && (p->ff || r->after_furn) && sh->wrapped)
		rk_shape_edge(&r->shape, p->text, p->len);
	r->after_furn = p->furn;
	return 1;
}

static int
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int short_unpunct(const char *s, size_t n);
static int is_glossary_title(const char *s, size_t n);

/* A line ending in an opening bracket or a comma goes on. */
static int
open_end(const char *s, size_t n)
{
	int l;
	switch (rk_u8last(s, n, &l)) {
	case 0xFF08: case 0x201C: case 0x300A: case '(': case 0x3010: case 0x300C: case 0x300E:
	case 0x2018: case '[': case 0xFF0C: case 0x3001: case ',':
		return 1;
	/* a range cut after its dash: 增长5%- / 5.5% */
	case '-': case 0x2013: case 0xFF5E: case '~': {
		int l2;
		unsigned before = rk_u8last(s, n - (size_t)l, &l2);
		return (before >= '0' && before <= '9') || before == '%' || before == 0xFF05;
	}
	}
	return 0;
}

/* A line starting with closing or inner punctuation continues the last. */
static int
cont_start(const char *s, size_t n)
{
	int l;
	switch (rk_u8dec(s, n, &l)) {
	case 0xFF09: case 0x201D: case 0x300B: case ')': case 0x3011: case 0x300D: case 0x300F:
	case 0x2019: case ']': case 0xFF0C: case 0x3001: case 0x3002: case 0xFF1B: case 0xFF1A:
	case 0xFF01: case 0xFF1F: case ',': case '%': case 0xFF05:
		return 1;
	}
	return 0;
}

/* Does line b look like the first line of a paragraph: indented, or,
 * where the converter kept no indent, full but for one? */
static int
first_line(const rk_shape *sh, const para_t *b)
{
	if (sh->indent)
		return b->indent >= sh->para_indent - 1 && b->indent <= sh->para_indent + 1;
	return sh->first_short && b->width >= sh->width - sh->slack - 8 && b->width <= sh->width - 6;
}

/* The last words of a heading that names a part of a report: 工作回顾,
 * 重点工作, 工作安排, 目标任务. */
static int
ends_part_word(const char *s, size_t n)
{
	static const char *const words[] = { "回顾", "工作", "安排", "任务", NULL };
	const char *const *w;
	for (w = words; *w; w++)
		if (n >= 6 && memcmp(s + n - 6, *w, 6) == 0)
			return 1;
	return 0;
}

/* In a hard-wrapped text, does paragraph a go on in line b?  A line that
 * reaches the width goes on, even into a line that starts like a heading
 * (a wrapped sentence can put 一、 at a line start), unless it ends a
 * sentence and b shows a new paragraph: an indent, a blank line where
 * blank lines part paragraphs, a heading's marker, or (where the
 * converter kept no indent) b full but for the indent of a first line.
 * A shorter line ends its paragraph. */
static int
wrapped_join(const rk_shape *sh, para_t *a, para_t *b, int across)
{
	rk_marker m;
	/* a first line is short by its indent (trimmed, or lost by the converter) */
	int full = a->width >= sh->width - sh->slack - (a->nlines == 1 ? 8 : 0) ||
	           (a->justified && a->width >= sh->width / 2 && (facts(a)->comma || a->sentmark || a->nlines > 1)) ||
	           /* a paragraph set in another face or measure: as wide as
	            * its line before, or (its first line) as the next */
	           (a->nlines > 1 && a->prevwidth >= sh->width / 3 && a->width >= a->prevwidth - 8) ||
	           (a->nlines == 1 && facts(a)->comma && a->width >= sh->width / 3 && b->width >= a->width - 4 &&
	            b->width <= a->width + 4 && !rk_ends_final(a->text, a->len) && !para_marker(b, &m) &&
	            !rk_has_prefix(b->text, b->len, "——"));
	/* a blank line or an indent parts paragraphs, but not inside a quote
	 * or a title, after an opening bracket or a comma, nor before a stop:
	 * a page's emphasis, set as a block, cut the sentence (成果找市场“双向
	 * / 揭榜 / 挂帅”的简称), lynx moved a bracket down alone (（ / 三）) */
	if (((sh->blank_sep && b->blanks && !across) ||
	     (sh->indent && first_line(sh, b))) &&    /* an indented first line (a centred line is no paragraph start) */
	    !(facts(a)->quotes > 0 || a->titles > 0 || open_end(a->text, a->len) || cont_start(b->text, b->len)))
		return 0;
	if (cont_start(b->text, b->len))
		return 1;    /* kinsoku: 。 or ） moved to the next line */
	/* a title, then its dateline or the page's time stamp; a sentence
	 * ended, then the page's furniture (来源：… 阅读次数：…) */
	if (!facts(a)->sentmark && (rk_has_prefix(b->text, b->len, "——") || para_furniture(b)))
		return 0;
	if (rk_ends_final(a->text, a->len) && para_furniture(b))
		return 0;
	/* no paragraph ends inside a quote: pdftotext parts a line with a
	 * wide gap, 全面打响“好品山东 / 商行天下”品牌 */
	if (!full)
		return !para_marker(b, &m) && ((a->quotes > 0 || a->titles > 0) ||
		                               (open_end(a->text, a->len) && !short_unpunct(b->text, b->len)));
	/* a heading's line, then a marked line: the heading was not wrapped */
	/* A heading's line goes on unless the next line is marked or looks
	 * like a paragraph's first; a heading ends short of the width more
	 * often than a body line, so it is full only near the width. */
	if (!a->sentmark && para_marker(a, &m) && m.style != ST_SHI && m.style != ST_DI) {
		rk_marker bm;
		if (para_marker(b, &bm))
			return 0;
		/* a heading (一、 （一）) that filled its line, then a full body
		 * line with no stop: joined, the heading would run on to a third
		 * line, which one in a hundred does (a list's 1. item may) */
		if ((m.style == ST_HAN_DUN || m.style == ST_HAN_PAREN) && a->nlines == 1 &&
		    b->width >= sh->width - sh->slack && !b->sentmark &&
		    !rk_has_sentence_mark(b->text, b->len))
			return 0;
		if (sh->indent || a->width >= sh->width - (sh->slack < 10 ? sh->slack : 10))
			return !first_line(sh, b);
		/* shorter: the heading's rest, or (first lines short by a lost
		 * indent) a body line that is not a first line */
		return b->width < sh->width - sh->slack - 8 || (sh->first_short && !first_line(sh, b));
	}
	/* a title's or heading's line (no comma, no stop), then a heading:
	 * 一、 inside a sentence follows a comma's clause, not a title */
	if (!facts(a)->comma && !a->sentmark && para_marker(b, &m) &&
	    (m.style == ST_HAN_DUN || m.style == ST_HAN_PAREN))
		return 0;
	/* an unnumbered heading of a report's part that filled its line:
	 * “十四五”时期发展成就和2025年工作回顾, no mark in it at all */
	if (a->nlines == 1 && !facts(a)->comma && !a->sentmark && !rk_find3(a->text, a->len, "、") &&
	    !rk_find3(a->text, a->len, "：") && ends_part_word(a->text, a->len) && !para_marker(b, &m))
		return 0;
	if (!rk_ends_final(a->text, a->len))
		return 1;
	if (para_marker(b, &m) && m.style != ST_SHI && m.style != ST_DI)
		return 0;
	/* after a sentence, a short line with no stop is a heading, not the
	 * rest of a paragraph (which would end in one) */
	if (short_unpunct(b->text, b->len) && b->width < sh->width / 2)
		return 0;
	return !first_line(sh, b);
}

static int
short_unpunct(const char *s, size_t n)
{
	return n > 0 && rk_u8count_max(s, n, 40) <= 40 && !rk_has_sentence_mark(s, n) &&
	       !rk_ends_final(s, n) && !rk_has_prefix(s, n, "——");
}

/* The words that say what kind of document a title names */
static const char *const report_kinds[] = {
	"报告", "总结", "计划", "要点", "讲话", "意见", "方案", "规划", "纲要", "通知", "决定",
	"工作", "情况", "侧记", "纪实", "谋划", NULL
};

static int
is_title_line(const char *s, size_t n)
{
	size_t chars = rk_u8count_max(s, n, 81);
	return chars >= 6 && chars <= 80 && !rk_has_sentence_mark(s, n) && !rk_ends_final(s, n) &&
	       !memmem(s, n, "\uFFFD", 3);
}

/* Does a then b end with the kind of a document (报告, or 报 告
 * letter-spaced; 工作 / 报告 and 工作报 / 告 too)? */
static int
ends_report_kind(const char *a, size_t na, const char *b, size_t nb)
{
	char t[16];
	size_t m = sizeof t;
	const char *const *k;
	while (m > 0 && (nb > 0 || na > 0)) {
		char c = nb > 0 ? b[--nb] : a[--na];
		if (c != ' ')
			t[--m] = c;
	}
	for (k = report_kinds; *k; k++) {
		size_t l = strlen(*k);
		if (sizeof t - m >= l && memcmp(t + sizeof t - l, *k, l) == 0)
			return 1;
	}
	return 0;
}

/* A title set in a larger face, wrapped: the next line, right below it
 * (a blank line between only where blank lines do not part paragraphs),
 * shorter and with no mark in it, ends with the kind of document
 * (…政府工 / 作报告, …工作总 / 结及2023年工作谋划). */
static int
title_goes_on(const rk_reader *r, const para_t *a, const para_t *b)
{
	return !r->title_seen && r->zone == ZONE_HEAD && a->nlines == 1 &&
	       (!b->blanks || !r->shape.blank_sep) && is_title_line(a->text, a->len) &&
	       short_unpunct(b->text, b->len) && rk_u8count(b->text, b->len) <= rk_u8count(a->text, a->len) &&
	       ends_report_kind(a->text, a->len, b->text, b->len);
}

/* Does line a (the paragraph so far) go on in line b? */
static int
should_join(const rk_reader *r, para_t *a, para_t *b, int piece, int across)
{
	rk_marker m;
	int marked;
	if (a->len + b->len > RK_PARA_MAX)
		return 0;
	if (piece)
		return 1;
	if (b->furn || a->furn)
		return 0;
	/* a portal's link bar or menu line is a line of its own */
	if (a->nlines == 1 && para_furniture(a))
		return 0;
	/* 附件1 alone on its line takes the next line as its title */
	if (para_marker(a, &m) && m.style == ST_APPENDIX && m.len == a->len &&
	    !para_marker(b, &m) && short_unpunct(b->text, b->len))
		return 1;
	if (title_goes_on(r, a, b) && !para_marker(a, &m) && !para_marker(b, &m) && !para_furniture(b))
		return 1;
	if (r->shape.wrapped)
		return wrapped_join(&r->shape, a, b, across);
	if (para_marker(b, &m) || rk_has_prefix(b->text, b->len, "——") ||
	    para_furniture(b) || rk_is_tail_trigger(b->text, b->len))
		return 0;
	if (open_end(a->text, a->len) || cont_start(b->text, b->len))
		return 1;
	if (rk_ends_final(a->text, a->len))
		return 0;
	if (a->justified)
		return 1;    /* a justified line is no paragraph's last */
	if (facts(a)->quotes > 0 || a->parens > 0 || a->titles > 0)
		return 1;    /* cut inside a quote, a bracket or a title */
	/* PM / 2.5 / 年平均浓度: fragments of Latin letters and digits */
	if (!a->cjk && a->len <= 16)
		return 1;
	if (is_alnum((unsigned char)a->text[a->len - 1]) && (is_alnum((unsigned char)b->text[0]) || b->text[0] == '.'))
		return 1;
	/* a body line cut mid-sentence; a heading line never holds a 。 */
	marked = para_marker(a, &m);
	if (rk_is_byline(a->text, a->len) ||
	    (rk_ends_final(b->text, b->len) && rk_u8count_max(b->text, b->len, 12) <= 12 &&
	     !rk_find3(b->text, b->len, "，")))
		return 0;    /* a photo credit; a salutation like 各位代表： */
	if (a->sentmark)
		return 1;
	return !marked && a->chars >= 30 && a->comma;
}

/* Assemble the next paragraph into p.  Page furniture met inside it (a
 * page number, a running header between two halves of a sentence) is
 * held and given as paragraphs of its own after it. */
static int
assemble_para(rk_reader *r, para_t *p)
{
	int fragment = 0;
	if (!r->shaped)
		learn_shape(r);
	if (r->nheld) {
		para_swap(p, &r->held[r->held_head]);
		r->held_head = (r->held_head + 1) % RK_HELD;
		if (--r->nheld == 0)
			r->held_head = 0;
		p->cont = 0;
		return 1;
	}
	if (!r->have_line && !read_line(r))
		return 0;
	/* the paragraph takes the first line's buffer, giving its own, and
	 * what is known of it */
	{
		para_t t = *p;
		*p = r->line;
		r->line.text = t.text;
		r->line.cap = t.cap;
		r->line.anch = t.anch;
		r->line.anchcap = t.anchcap;
		r->line.len = r->line.nanch = 0;
		r->line.mark_known = r->line.furn_known = 0;
	}
	p->cont = r->line_piece;
	r->have_line = 0;
	if (p->furn)
		return 1;
	while (read_line(r)) {
		rk_marker m;
		r->have_line = 1;
		if (r->line.furn && r->line.furn != 3 && r->shape.wrapped && !r->line_piece) {
			/* hold it, and see whether the paragraph goes on past it */
			size_t at = (r->held_head + r->nheld) % RK_HELD;
			if (r->nheld == RK_HELD)
				break;
			para_swap(&r->held[at], &r->line);
			r->nheld++;
			r->have_line = 0;
			continue;
		}
		if (p->nanch + r->line.nanch > RK_PARA_ANCHORS ||
		    (!should_join(r, p, &r->line, r->line_piece, r->nheld > 0) &&
		     !(fragment && !r->shape.wrapped && !para_marker(&r->line, &m) && !r->line.furn &&
		       !para_furniture(&r->line) && p->len + r->line.len <= RK_PARA_MAX)))
			break;
		/* after a fragment like 2.5 the sentence goes on: PM / 2.5 / 年平均浓度 */
		fragment = p->len > 0 && r->line.len <= 16 && !facts(&r->line)->cjk;
		para_append(p, r->line.text, r->line.len, r->line.anch, r->line.nanch);
		para_add_line(p, &r->line);
		r->have_line = 0;
	}
	return 1;
}

/* The next paragraph into p: one read ahead by peek_para(), or a new one. */
static int
get_para(rk_reader *r, para_t *p)
{
	if (r->la_n) {
		para_swap(p, &r->la[r->la_head]);
		r->la_head = (r->la_head + 1) % RK_LOOKAHEAD;
		if (--r->la_n == 0)
			r->la_head = 0;
		return 1;
	}
	return assemble_para(r, p);
}

/* The paragraph i places after r->next, read ahead; NULL at the end of
 * the document or past what the look-ahead holds. */
static const para_t *
peek_para(rk_reader *r, size_t i)
{
	while (r->la_n <= i) {
		size_t k, bytes = 0;
		for (k = 0; k < r->la_n; k++)
			bytes += r->la[(r->la_head + k) % RK_LOOKAHEAD].len;
		if (r->la_n == RK_LOOKAHEAD || bytes > RK_LOOKAHEAD_BYTES ||
		    !assemble_para(r, &r->la[(r->la_head + r->la_n) % RK_LOOKAHEAD]))
			return NULL;
		r->la_n++;
	}
	return &r->la[(r->la_head + i) % RK_LOOKAHEAD];
}

/* ---- outline state --------------------------------------------------- */

static void
format_sect(rk_reader *r, char *out)
{
	int k = 1, top = r->depth < r->sect_depth ? r->depth : r->sect_depth;
	char *o;
	if (r->depth == 0) {
		strcpy(out, RK_SECT_SIGN "0");
		return;
	}
	if (r->sect_end[0] == 0) {
		memcpy(r->sect_text, RK_SECT_SIGN, sizeof RK_SECT_SIGN - 1);
		r->sect_end[0] = sizeof RK_SECT_SIGN - 1;
	}
	/* most calls find the outline as the last one left it, or moved at
	 * its deepest level: the levels above keep the text they had */
	while (k <= top && r->sect_counters[k] == r->counters[k])
		k++;
	o = r->sect_text + r->sect_end[k - 1];
	for (; k <= r->depth; k++) {
		char digits[12];
		int d = 0;
		unsigned v = (unsigned)r->counters[k];
		if (k > 1)
			*o++ = '.';
		do
			digits[d++] = (char)('0' + v % 10);
		while ((v /= 10) > 0);
		while (d > 0)
			*o++ = digits[--d];
		r->sect_counters[k] = r->counters[k];
		r->sect_end[k] = (size_t)(o - r->sect_text);
	}
	r->sect_depth = r->depth;
	r->sect_text[r->sect_end[r->depth]] = '\0';
	memcpy(out, r->sect_text, r->sect_end[r->depth] + 1);
}

static int
style_level(const rk_reader *r, int style)
{
	int k;
	for (k = 1; k <= r->depth; k++)
		if (r->styles[k] == style)
			return k;
	return 0;
}

/* Open an entry of this style: close back to it if open, else nest. */
static int
item_style(int style);

static int
open_entry(rk_reader *r, int style)
{
	int k = style_level(r, style);
	/* a new heading style never nests under a lead or an item */
	if (!k && style != ST_LEAD && !item_style(style))
		while (r->depth && (r->styles[r->depth] == ST_LEAD || item_style(r->styles[r->depth])))
			r->depth--;
	if (k)
		r->depth = k;
	else if (r->depth < MAXDEPTH) {
		k = ++r->depth;
		r->styles[k] = style;
	} else {
		k = r->depth;
		r->styles[k] = style;
	}
	/* numbering goes on among siblings and starts again under a new parent */
	r->counters[k]++;
	for (int j = k + 1; j <= MAXDEPTH; j++)
		r->counters[j] = 0;
	if (r->glossary && k <= r->glossary)
		r->glossary = 0;
	return k;
}

/* An appendix starts a new top-level branch. */
static int
open_branch(rk_reader *r, int style)
{
	r->depth = 1;
	r->styles[1] = style;
	r->counters[1]++;
	for (int j = 2; j <= MAXDEPTH; j++)
		r->counters[j] = 0;
	r->glossary = 0;
	return 1;
}

static int
item_style(int style)
{
	return style == ST_SHI || style == ST_DI || style == ST_DASH;
}

/* ---- blocks ---------------------------------------------------------- */

/* Numbers every paragraph (and TSV row) of the process, so that rk_pos()
 * can tell when it may go on from where it last counted. */
static unsigned long paragraph_serial;

unsigned long rk_new_serial(void) { return ++paragraph_serial; }

static long
anchor_line(const rk_anchor *a, size_t n, size_t off)
{
	while (n > 1 && a[n - 1].off > off)
		n--;
	return n ? a[n - 1].line : 0;
}

static qblock *
emit(rk_reader *r, enum rk_kind kind, size_t off, size_t len, int para_start)
{
	qblock *q;
	if (r->qn == r->qcap) {
		r->qcap = r->qcap ? r->qcap * 2 : 16;
		r->q = rk_realloc(r->q, r->qcap * sizeof *r->q);
	}
	q = &r->q[r->qn++];
	memset(&q->b, 0, sizeof q->b);
	q->b.kind = kind;
	q->b.text = r->cur.text + off;
	q->b.len = len;
	q->b.textoff = off;
	q->b.anchors = r->cur.anch;
	q->b.nanchors = r->cur.nanch;
	q->b.doc = r->docname;
	q->b.para_start = para_start;
	q->b.doc_start = r->fresh_doc;
	r->fresh_doc = 0;
	q->b.serial = paragraph_serial;
	q->b.line = anchor_line(r->cur.anch, r->cur.nanch, off);
	format_sect(r, q->sect);
	q->b.sect = q->sect;
	return q;
}

/* after the sect was advanced for a new entry */
static void
set_entry(qblock *q, rk_reader *r, enum rk_entry e, int level, size_t marker_len)
{
	format_sect(r, q->sect);
	q->b.entry = e;
	q->b.level = level;
	q->b.marker_len = marker_len;
}

static size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (rk_has_prefix(s + i, n - i, "　"))
			i += 3;
		else
			break;
	}
	return i;
}

/* Title span of an entry whose text after the marker starts at off:
 * its first sentence, without the end mark. */
static void
set_title(qblock *q, size_t rel, size_t sentlen)
{
	const unsigned char *t = (const unsigned char *)q->b.text + rel;
	size_t n = sentlen;
	/* drop end marks 。！？；： !?;: while there is one: at most one of them
	 * ends the text at a time (an ASCII byte is no character's last byte) */
	for (;;) {
		if (n >= 1 && (t[n - 1] == '!' || t[n - 1] == '?' || t[n - 1] == ';' || t[n - 1] == ':'))
			n -= 1;
		else if (n >= 3 && ((t[n - 3] == 0xE3 && t[n - 2] == 0x80 && t[n - 1] == 0x82) ||  /* 。 */
		                    (t[n - 3] == 0xEF && t[n - 2] == 0xBC &&                    /* ！？；： */
		                     (t[n - 1] == 0x81 || t[n - 1] == 0x9F || t[n - 1] == 0x9B || t[n - 1] == 0x9A))))
			n -= 3;
		else
			break;
	}
	q->b.title_off = rel;
	q->b.title_len = n;
}

static int
is_boundary_before(const char *s, size_t pos)
{
	static const char *const marks[] = { "。", "！", "？", "；", "：", "”", "）", NULL };
	if (pos == 0)
		return 1;
	for (const char *const *m = marks; *m; m++)
		if (pos >= 3 && memcmp(s + pos - 3, *m, 3) == 0)
			return 1;
	return 0;
}

#ifdef __SSE2__
/* Bit k: bytes k + 1 and k + 2 at u are 98 AF or AC AC. */
static inline unsigned
pair_mask(const unsigned char *u)
{
	__m128i v1 = _mm_loadu_si128((const __m128i *)(u + 1));
	__m128i v2 = _mm_loadu_si128((const __m128i *)(u + 2));
	__m128i shi = _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x98)),
	                            _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xAF)));
	__m128i di = _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xAC)),
	                           _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xAC)));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(shi, di));
}
#endif

/* Offset of the next 是 (E6 98 AF) or 第 (E7 AC AC) in s[i..n), n if none:
 * their last two bytes compared sixteen places at a time, the lead byte
 * of the rare pair found looked at after.  (memchr on a last byte
 * stopped every hundred bytes or so on other characters.) */
static size_t
next_shi_di(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
#ifdef __SSE2__
	/* 32 places a step: the loop test and the branch on the mask are paid
	 * once for two compares */
	for (; i + 34 <= n; i += 32) {
		unsigned m = pair_mask(u + i) | pair_mask(u + i + 16) << 16;
		for (; m; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);
			if (u[at] == (u[at + 1] == 0x98 ? 0xE6 : 0xE7))
				return at;
		}
	}
	for (; i + 18 <= n; i += 16) {
		unsigned m = pair_mask(u + i);
		for (; m; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);
			if (u[at] == (u[at + 1] == 0x98 ? 0xE6 : 0xE7))
				return at;
		}
	}
#endif
	for (; i + 3 <= n; i++)
		if ((u[i] == 0xE6 && u[i + 1] == 0x98 && u[i + 2] == 0xAF) ||
		    (u[i] == 0xE7 && u[i + 1] == 0xAC && u[i + 2] == 0xAC))
			return i;
	return n;
}

/* Item markers (一是 十一是 第一，) standing at a sentence boundary in
 * s[0..len), in order, into r->cands: one pass over the text. */
static size_t
collect_items(rk_reader *r, const char *s, size_t len)
{
	size_t n = 0, at;
	for (at = next_shi_di(s, len, 0); at < len; at = next_shi_di(s, len, at + 3)) {
		size_t found = (size_t)-1, back;
		rk_marker m;
		if ((unsigned char)s[at] == 0xE7) {    /* 第 */
			if (is_boundary_before(s, at) && rk_item_at(s + at, len - at, &m))
				found = at;
		} else {
			/* 是: back up over the numeral, one or two characters */
			for (back = 3; back <= 6 && back <= at; back += 3)
				if (is_boundary_before(s, at - back) &&
				    rk_item_at(s + at - back, len - at + back, &m) && m.len == back + 3) {
					found = at - back;
					break;
				}
		}
		if (found == (size_t)-1 || (n && r->cands[n - 1].at >= found))
			continue;
		if (n == r->candcap) {
			r->candcap = r->candcap ? r->candcap * 2 : 16;
			r->cands = rk_realloc(r->cands, r->candcap * sizeof *r->cands);
		}
		r->cands[n].at = found;
		r->cands[n++].m = m;
	}
	return n;
}

/* Emit text cur[off, off+len) as body: paragraph text cut at the item
 * markers inside it.  An item runs to the next item of its run. */
static void
emit_body(rk_reader *r, size_t off, size_t len, int para_start, enum rk_entry lead)
{
	const char *s = r->cur.text + off;
	size_t start = 0, ncand = collect_items(r, s, len), c, c2;
	int first = 1;

	for (c = 0; c < ncand; c++) {
		rk_marker m = r->cands[c].m;
		size_t at = r->cands[c].at, end = len;
		int level;
		qblock *q;
		/* a run starts at 一 or goes on from the last number */
		if (at < start || !(m.num == 1 || (style_level(r, m.style) && m.num == r->item_last + 1)))
			continue;
		if (at > start) {
			q = emit(r, RK_PARA, off + start, at - start, first && para_start);
			if (first)
				q->b.entry = lead;
			first = 0;
		}
		level = open_entry(r, m.style);
		r->item_last = m.num;
		for (c2 = c + 1; c2 < ncand; c2++)
			if (r->cands[c2].m.style == m.style && r->cands[c2].m.num == m.num + 1) {
				end = r->cands[c2].at;
				break;
			}
		q = emit(r, RK_ITEM, off + at, end - at, first && para_start);
		set_entry(q, r, RK_E_ITEM, level, m.len);
		set_title(q, m.len, rk_sentence_len(s + at + m.len, end - at - m.len));
		first = 0;
		start = end;
	}
	if (start < len) {
		qblock *q = emit(r, RK_PARA, off + start, len - start, first && para_start);
		if (first)
			q->b.entry = lead;
	}
}

static int
is_digitish(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			return 1;
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC &&
		    (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99)
			return 1;
	}
	return 0;
}

/* A lead sentence: a short topic sentence opening a longer paragraph
 * (大兴调查研究。市生态环境局印发…). */
static size_t
lead_len(const char *s, size_t n)
{
	size_t k, chars;
	/* a lead ends in a 。 within its 26 characters, 104 bytes at most:
	 * without one there, no need to find the sentence */
	if (!rk_find3(s, n < 104 ? n : 104, "。"))
		return 0;
	k = rk_sentence_len(s, n);
	if (k >= n || k < 6 || memcmp(s + k - 3, "。", 3) != 0)
		return 0;
	chars = rk_u8count_max(s, k, 30);
	if (chars < 5 || chars > 26 || n - k < k)
		return 0;
	if (rk_find3(s, k, "，") || rk_find3(s, k, "：") || is_digitish(s, k))
		return 0;
	return k;
}


static int
is_glossary_title(const char *s, size_t n)
{
	return rk_u8count_max(s, n, 40) <= 40 && !rk_ends_final(s, n) &&
	       (memmem(s, n, "名词解释", 12) || memmem(s, n, "名词注释", 12) ||
	        memmem(s, n, "名词释义", 12) || memmem(s, n, "名词术语", 12));
}

static void
emit_heading(rk_reader *r, const rk_marker *m, int style, int branch)
{
	const char *s = r->cur.text;
	size_t n = r->cur.len, ml = m ? m->len : 0, rest = skip_blanks(s, n, ml), sl;
	int level = branch ? open_branch(r, style) : open_entry(r, style);
	qblock *q;
	sl = style == ST_APPENDIX || style == ST_GLOSSARY || style == ST_PLAIN ? n - rest
	                                                                        : rk_sentence_len(s + rest, n - rest);
	q = emit(r, RK_HEADING, 0, rest + sl, !r->cur.cont);
	set_entry(q, r, RK_E_HEADING, level, ml);
	set_title(q, rest, sl);
	r->item_last = 0;
	r->heading_serial++;
	if (rest + sl < n)
		emit_body(r, skip_blanks(s, n, rest + sl), n - skip_blanks(s, n, rest + sl), 0, RK_E_NONE);
}

static int
next_is_body(const rk_reader *r)
{
	const para_t *q = &r->next;
	if (!r->have_next)
		return 0;
	/* a page number between a heading and its body: look past it */
	if (q->furn) {
		if (!r->have_line)
			return 0;
		q = &r->line;
		/* a line, not yet its paragraph: a full one goes on */
		if (r->shape.wrapped && q->width >= r->shape.width - r->shape.slack)
			return 1;
	}
	if (para_furniture((para_t *)q) || rk_is_tail_trigger(q->text, q->len) ||
	    rk_is_byline(q->text, q->len))
		return 0;
	return !short_unpunct(q->text, q->len);
}

/* A run-in subheading that lost its bold: one short sentence set as a
 * paragraph of its own, 全力以赴稳增长。 (4 to 24 characters, no digit,
 * no stop inside, no marker), its body after it. */
static int
runin_candidate(para_t *p)
{
	rk_marker m;
	size_t n = p->len;
	size_t chars;
	if (p->furn || p->cont || n < 12 || n > 25 * 4 || memcmp(p->text + n - 3, "。", 3) != 0)
		return 0;
	chars = rk_u8count_max(p->text, n, 26);
	if (chars < 5 || chars > 25 || para_marker(p, &m) || is_digitish(p->text, n) ||
	    rk_sentence_len(p->text, n) != n || para_furniture(p) || rk_is_byline(p->text, n))
		return 0;
	return 1;
}

/* Body text: sentences that are no such subheading, not opening a heading. */
static int
is_body(para_t *p)
{
	rk_marker m;
	if (!p || p->furn || rk_u8count_max(p->text, p->len, 8) <= 8 || !rk_has_sentence_mark(p->text, p->len) ||
	    runin_candidate(p))
		return 0;
	return !para_marker(p, &m) || m.style == ST_SHI || m.style == ST_DI;
}

/* Is r->cur such a subheading?  Only where the section holds two of them,
 * each before its own body: one alone (成绩来之不易。 and its reasons) is
 * a paragraph.  The second is looked for in the next paragraphs read ahead,
 * up to the next heading; once found, the section's others follow. */
static int
runin_heading(rk_reader *r)
{
	const para_t *q;
	size_t i;
	int body_before = 0;
	if (r->zone != ZONE_BODY || !r->heading_serial || !r->have_next || !runin_candidate(&r->cur) ||
	    !is_body(&r->next))
		return 0;
	if (r->runin_serial == r->heading_serial + 1)
		return 1;
	body_before = 1;    /* r->next */
	for (i = 0; (q = peek_para(r, i)) != NULL; i++) {
		para_t *p = (para_t *)q;
		rk_marker m;
		if (para_marker(p, &m) && m.style != ST_SHI && m.style != ST_DI)
			return 0;    /* the section ends */
		if (body_before && runin_candidate(p) && is_body((para_t *)peek_para(r, i + 1))) {
			r->runin_serial = r->heading_serial + 1;
			return 1;
		}
		body_before = is_body(p);
	}
	return 0;
}

/* Could s be the title: 6 to 80 characters, no sentence, nothing lost to
 * invalid bytes? */
/* Does s say what kind of document it is: a year, or 报告, 总结, 计划…? */
static int
names_a_report(const char *s, size_t n)
{
	const char *const *k;
	size_t i;
	for (k = report_kinds; *k; k++)
		if (memmem(s, n, *k, strlen(*k)))
			return 1;
	for (i = 0; i + 3 <= n; i++)
		if (memcmp(s + i, "年", 3) == 0 && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			return 1;
	return 0;
}

/* A page's furniture can leave a site's name (青岚市人民政府) before the
 * report's title: a title line that names no report gives way to one
 * ahead, in the head of the page, that does; and any line gives way to
 * the page's breadcrumb ahead (a site's name stands above it, the
 * report's title below it). */
static int
better_title_ahead(rk_reader *r, const char *s, size_t n)
{
	const para_t *q;
	size_t i;
	if (names_a_report(s, n) || !r->have_next)
		return 0;
	for (i = 0, q = &r->next; q && i <= RK_LOOKAHEAD; q = peek_para(r, i++)) {
		rk_marker m;
		if (para_marker((para_t *)q, &m) || facts((para_t *)q)->chars >= 40 || q->sentmark)
			return 0;    /* the body begins */
		if (rk_is_breadcrumb(q->text, q->len))
			return 1;    /* a site's name, a logo's words stand above it */
		if (!q->furn && is_title_line(q->text, q->len) && names_a_report(q->text, q->len) &&
		    !para_furniture((para_t *)q))
			return 1;
	}
	return 0;
}

static void
classify(rk_reader *r)
{
	const char *s = r->cur.text;
	size_t n = r->cur.len, ll;
	size_t chars = rk_u8count_max(s, n, 80);
	rk_marker m, m2;
	int marked = para_marker(&r->cur, &m);
	int para_start = !r->cur.cont;

	if (!marked)
		r->attach_list = 0;
	/* a page number, a running header (but a header before the title may
	 * be the title itself: a report's running header is often its title) */
	if (r->cur.furn && !(r->cur.furn == 2 && r->zone == ZONE_HEAD && !r->title_seen &&
	                     names_a_report(s, n))) {
		emit(r, RK_META, 0, n, 1);
		return;
	}
	if (r->cur.cont) {
		/* the rest of a line too long for one paragraph */
		emit_body(r, 0, n, 0, RK_E_NONE);
		return;
	}
	/* an item run ends with its paragraph unless the next one goes on with
	 * it; a lead covers its own paragraph */
	while (r->depth && ((item_style(r->styles[r->depth]) &&
	                     !(marked && (int)m.style == r->styles[r->depth])) ||
	                    r->styles[r->depth] == ST_LEAD)) {
		if (item_style(r->styles[r->depth]))
			r->item_last = 0;
		r->depth--;
	}
	/* a concatenated stream: the next report's body ends the tail */
	if (r->zone == ZONE_TAIL &&
	    ((marked && (m.style == ST_HAN_DUN || m.style == ST_HAN_PAREN)) ||
	     (rk_u8count_max(s, n, 100) >= 100 && rk_has_sentence_mark(s, n))))
		r->zone = ZONE_BODY;
	if (r->zone == ZONE_TAIL || rk_is_tail_trigger(s, n)) {
		r->zone = ZONE_TAIL;
		emit(r, RK_META, 0, n, 1);
		return;
	}
	if (para_furniture(&r->cur) || rk_is_dateline(s, n) || rk_is_byline(s, n) ||
	    (r->zone == ZONE_HEAD && rk_has_prefix(s, n, "——"))) {
		r->meta_seen = 1;
		emit(r, RK_META, 0, n, 1);
		return;
	}
	if (r->zone == ZONE_HEAD) {
		if (marked && m.style != ST_SHI && m.style != ST_DI)
			r->zone = ZONE_BODY;
		else if (chars <= 2) {
			r->meta_seen = 1;
			emit(r, RK_META, 0, n, 1);
			return;
		} else if (!r->title_seen && is_title_line(s, n) && !better_title_ahead(r, s, n)) {
			qblock *q = emit(r, RK_TITLE, 0, n, 1);
			size_t lo = 0, hi = n;
			/* html2text's h1: ****** 2026年…报告 ****** */
			while (lo < n && s[lo] == '*')
				lo++;
			while (hi > lo && s[hi - 1] == '*')
				hi--;
			if (lo < 2 || n - hi < 2)
				lo = 0, hi = n;
			lo = skip_blanks(s, hi, lo);
			while (hi > lo && s[hi - 1] == ' ')
				hi--;
			q->b.entry = RK_E_TITLE;
			q->b.title_off = lo;
			q->b.title_len = hi - lo;
			r->title_seen = 1;
			return;
		} else if ((r->title_seen || r->meta_seen ||
		            (memmem(s, n, "\uFFFD", 3) && !rk_has_sentence_mark(s, n)) ||
		            (is_title_line(s, n) && !names_a_report(s, n))) && chars < 40 &&
		           !(n >= 3 && memcmp(s + n - 3, "：", 3) == 0)) {
			emit(r, RK_META, 0, n, 1);   /* byline, caption */
			return;
		} else
			r->zone = ZONE_BODY;
	}
	if (marked) {
		if (m.style != ST_NUM_DOT)
			r->attach_list = 0;
		switch (m.style) {
		case ST_APPENDIX:
			/* 附件：1.… 2.…: the list of what is attached, not an appendix */
			if (m.len < n && rk_marker_at(s + m.len, n - m.len, &m2) && m2.style == ST_NUM_DOT) {
				r->attach_list = 1;
				emit(r, RK_PARA, 0, n, para_start);
				return;
			}
			emit_heading(r, &m, ST_APPENDIX, 1);
			/* 附件 / 名词注释: the appendix is a glossary */
			if (is_glossary_title(s + m.len, n - m.len))
				r->glossary = r->depth;
			return;
		case ST_SHI:
		case ST_DI:
			break;
		case ST_DASH: {
			int level = open_entry(r, ST_DASH);
			qblock *q;
			r->item_last = 0;
			emit_body(r, 0, n, para_start, RK_E_ITEM);
			q = &r->q[0];
			q->b.kind = RK_ITEM;
			q->b.level = level;
			q->b.marker_len = m.len;
			set_title(q, m.len, rk_sentence_len(s + m.len, q->b.len - m.len));
			return;
		}
		default:
			if ((r->glossary && (m.style == ST_NUM_DOT || m.style == ST_NUM_PAREN ||
			                     m.style == ST_CIRCLED)) ||
			    (r->attach_list && m.style == ST_NUM_DOT && short_unpunct(s, n))) {
				emit(r, RK_PARA, 0, n, para_start);   /* a glossary entry */
				return;
			}
			emit_heading(r, &m, (int)m.style, 0);
			return;
		}
	}
	if (!marked && is_glossary_title(s, n)) {
		int app = style_level(r, ST_APPENDIX);
		if (app) {
			r->depth = app;
			emit_heading(r, NULL, ST_GLOSSARY, 0);
		} else
			emit_heading(r, NULL, ST_GLOSSARY, 1);
		r->glossary = r->depth;
		return;
	}
	if (!marked && runin_heading(r)) {
		unsigned long keep = r->heading_serial;
		emit_heading(r, NULL, ST_PLAIN, 0);
		r->heading_serial = keep;    /* still the same section */
		return;
	}
	if (!marked && short_unpunct(s, n)) {
		if (next_is_body(r))
			emit_heading(r, NULL, ST_PLAIN, 0);
		else
			emit(r, RK_META, 0, n, 1);   /* a caption: nothing follows it */
		return;
	}
	if (!marked && (ll = lead_len(s, n)) > 0) {
		int level = open_entry(r, ST_LEAD);
		r->item_last = 0;
		emit_body(r, 0, n, para_start, RK_E_LEAD);
		/* the lead's entry fields go on its first block */
		r->q[0].b.level = level;
		set_title(&r->q[0], 0, ll);
		return;
	}
	emit_body(r, 0, n, para_start, RK_E_NONE);
}

/* ---- public ---------------------------------------------------------- */

/* ---- rkit TSV input -------------------------------------------------- */

/* Is the first line a header of rkit TSV with doc, line and text columns? */
static int
tsv_header(rk_reader *r)
{
	char *fields[32], *copy;
	int n, i;
	if (!rk_has_prefix(r->line.text, r->line.len, "doc\t"))
		return 0;
	copy = rk_alloc(r->line.len + 1);
	memcpy(copy, r->line.text, r->line.len);
	copy[r->line.len] = '\0';
	n = rk_tsv_split(copy, fields, 32);
	r->col_doc = r->col_sect = r->col_line = r->col_col = r->col_kind = r->col_text = -1;
	for (i = 0; i < n && i < 32; i++) {
		if (!strcmp(fields[i], "doc")) r->col_doc = i;
		else if (!strcmp(fields[i], "sect")) r->col_sect = i;
		else if (!strcmp(fields[i], "line")) r->col_line = i;
		else if (!strcmp(fields[i], "col")) r->col_col = i;
		else if (!strcmp(fields[i], "kind")) r->col_kind = i;
		else if (!strcmp(fields[i], "text")) r->col_text = i;
	}
	free(copy);
	r->ncols = n;
	return r->col_doc == 0 && r->col_line >= 0 && r->col_text >= 0;
}

static void
add_name(rk_reader *r, const char *s, size_t n)
{
	if (r->cnameslen + n + 2 > r->cnamescap) {
		r->cnamescap = 2 * (r->cnameslen + n + 2);
		r->cnames = rk_realloc(r->cnames, r->cnamescap);
	}
	r->cnames[r->cnameslen++] = '\t';
	memcpy(r->cnames + r->cnameslen, s, n);
	r->cnameslen += n;
	r->cnames[r->cnameslen] = '\0';
}

/* Columns after the text would have to wait for the end of the document:
 * they are not carried.  Said once, with the awk that puts them before. */
static void
warn_after(rk_reader *r, char **names, int n)
{
	char what[200], awk[200], last[32] = "";
	int i, k = 0, w = 0;
	r->warned_after = 1;
	if (names)
		for (i = r->col_text + 1; i < n && w < (int)sizeof what - 40; i++)
			w += snprintf(what + w, sizeof what - (size_t)w, "%s'%s'",
			              i > r->col_text + 1 ? ", " : "", names[i]);
	else
		snprintf(what, sizeof what, "%d on", r->col_text + 2);
	for (i = 0; i < n && k < (int)sizeof awk - 20; i++)
		if (i != r->col_text)
			k += snprintf(awk + k, sizeof awk - (size_t)k, "$%d,", i + 1);
	snprintf(awk + k, sizeof awk - (size_t)k, "$%d", r->col_text + 1);
	if (!names)
		snprintf(last, sizeof last, ", then --text %d", n);
	rk_warn("%s: column%s %s after the text column %s not carried; to carry %s, move the "
	        "text last: awk -F'\\t' -v OFS='\\t' '{print %s}'%s",
	        r->name, n - r->col_text > 2 ? "s" : "", what, n - r->col_text > 2 ? "are" : "is",
	        n - r->col_text > 2 ? "them" : "it", awk, last);
}

/* The id is read before the text is streamed: say how to swap them. */
static void
id_after_text(rk_reader *r, int numbered)
{
	char then[48] = "";
	if (numbered)
		snprintf(then, sizeof then, ", then --id %d --text %d", r->col_text + 1, r->col_id + 1);
	rk_fail("%s: the id column must come before the text column; swap them: "
	        "awk -F'\\t' -v OFS='\\t' '{t = $%d; $%d = $%d; $%d = t; print}'%s", r->name,
	        r->col_text + 1, r->col_text + 1, r->col_id + 1, r->col_id + 1, then);
}

/* One document per row: rkit's own "doc text" records (rsplit -u doc), or
 * any TSV with the columns named by --text and --id. */
static int
docs_header(rk_reader *r, const rk_opts *o)
{
	char **fields, *copy;
	const char *text = o && o->text_col ? o->text_col : "text";
	const char *id = o && o->id_col ? o->id_col : "doc";
	int n = 1, i;
	r->text_name = text;
	copy = rk_alloc(r->line.len + 1);
	memcpy(copy, r->line.text, r->line.len);
	copy[r->line.len] = '\0';
	/* as many fields as the header has: a wide export may name its text
	 * column past the 256th */
	for (i = 0; i < (int)r->line.len && n < RK_MAXCOL; i++)
		n += copy[i] == '\t';
	fields = rk_alloc((size_t)n * sizeof *fields);
	n = rk_tsv_split(copy, fields, n);
	r->col_id = r->col_text = -1;
	for (i = 0; i < n; i++) {
		if (!strcmp(fields[i], text)) r->col_text = i;
		else if (!strcmp(fields[i], id)) r->col_id = i;
	}
	if (o && o->text_col && r->carry && r->col_text >= 0 && r->col_id <= r->col_text) {
		for (i = 0; i < r->col_text; i++)
			if (i != r->col_id)
				add_name(r, fields[i], strlen(fields[i]));
		if (n > r->col_text + 1)
			warn_after(r, fields, n);
	}
	free(fields);
	free(copy);
	if (o && o->text_col) {
		if (r->col_text < 0) {
			rk_fail("%s: no column named '%s' in the header", r->name, text);
			return -1;
		}
		if (o->id_col && r->col_id < 0) {
			rk_fail("%s: no column named '%s' in the header", r->name, id);
			return -1;
		}
	} else if (!(n == 2 && r->col_id == 0 && r->col_text == 1))
		return 0;
	if (r->col_id > r->col_text) {
		id_after_text(r, 0);
		return -1;
	}
	return 1;
}

/* The 0-based index of column number s (digits, from 1), or -1: what
 * rk_check_columns() lets through, checked again for callers that skip it. */
static int
column_index(const char *s)
{
	long v = 0;
	if (!rk_is_digits(s))
		return -1;
	for (; *s && v <= RK_MAXCOL; s++)
		v = v * 10 + (*s - '0');
	return v >= 1 && v <= RK_MAXCOL ? (int)v - 1 : -1;
}

/* Nothing left to read at all? */
static int
at_end(rk_input *in)
{
	if (in->cd == (iconv_t)-1) {
		if (in->rawpos == in->rawlen && !in->eof)
			rk_in_fill(in);
		return in->eof && in->rawpos == in->rawlen;
	}
	if (in->decpos == in->declen && !in->dec_done)
		rk_in_fill(in);
	return in->dec_done && in->decpos == in->declen;
}

/* Back to the state before a document's first line. */
static void
reset_outline(rk_reader *r)
{
	r->zone = ZONE_HEAD;
	r->boxtable = 0;
	r->title_seen = r->meta_seen = r->glossary = 0;
	r->depth = 0;
	memset(r->counters, 0, sizeof r->counters);
	r->item_last = 0;
	r->started = r->have_next = r->have_line = 0;
	r->cur.len = r->next.len = 0;
	r->cur.mark_known = r->next.mark_known = r->cur.furn_known = r->next.furn_known = 0;
	r->fresh_doc = 1;
	r->shaped = 0;
	r->win_n = r->win_head = r->nheld = r->held_head = 0;
	r->la_n = r->la_head = 0;
	r->heading_serial = r->runin_serial = 0;
}

/* Rows that come short of the text column are skipped, counted, and
 * said once, at the end of the input (a --text past the last column would
 * else give one message a row).  end_records() returns 0, for "no more". */
static void
short_row(rk_reader *r)
{
	if (r->short_rows++ == 0)
		r->first_short = r->record;
}

static int
end_records(rk_reader *r)
{
	if (r->short_rows && !r->short_said) {
		char col[32];
		r->short_said = 1;
		if (!r->text_name)
			snprintf(col, sizeof col, "%d", r->col_text + 1);
		rk_fail("%s: %ld row%s without the text column %s%s%s skipped (the first: row %ld)",
		        r->name, r->short_rows, r->short_rows > 1 ? "s" : "", r->text_name ? "'" : "",
		        r->text_name ? r->text_name : col, r->text_name ? "'" : "", r->first_short);
	}
	if (r->long_rows && !r->long_said) {
		r->long_said = 1;
		rk_fail("%s: %ld row%s with a column before the text longer than %d MiB skipped "
		        "(the first: row %ld)", r->name, r->long_rows, r->long_rows > 1 ? "s" : "",
		        RK_FIELD_MAX >> 20, r->first_long);
	}
	return 0;
}

/* Move to the next row's document: read the fields before the text,
 * keeping the id.  0 at the end of the input. */
static int
next_record(rk_reader *r)
{
	rk_input *in = &r->in;
	for (;;) {
		int col;
		char name[64];
		if (r->record > 0 && in->record_term == '\t') {
			/* the columns after the text */
			int n = r->col_text + 1;
			do {
				rk_in_begin_field(in);
				rk_in_skip_field(in);
				n += n < RK_MAXCOL;   /* for the message; a row of 2^31 tabs would wrap */
			} while (in->record_term == '\t');
			if (r->carry && !r->warned_after)
				warn_after(r, NULL, n);
		}
		r->record++;
		snprintf(name, sizeof name, "%s:%ld", r->name, r->record);
		if (r->rowdoc_cap < sizeof name) {
			r->rowdoc_cap = sizeof name;
			r->rowdoc = rk_realloc(r->rowdoc, r->rowdoc_cap);
		}
		strcpy(r->rowdoc, name);   /* without an id column: the operand and the row number */
		r->carriedlen = 0;
		in->raw_cut = 0;
		for (col = 0; col < r->col_text; col++) {
			int got;
			rk_in_begin_field(in);
			if (r->carry && col != r->col_id) {
				/* carried as written: the output escapes the same way */
				if (!rk_in_raw_field(in, &r->field, &r->fieldlen, &r->fieldcap) &&
				    in->record_term == 0) {
					if (col > 0)
						short_row(r);
					return end_records(r);
				}
				if (r->carriedlen + r->fieldlen + 2 > r->carriedcap) {
					r->carriedcap = 2 * (r->carriedlen + r->fieldlen + 2);
					r->carried = rk_realloc(r->carried, r->carriedcap);
				}
				r->carried[r->carriedlen++] = '\t';
				memcpy(r->carried + r->carriedlen, r->field, r->fieldlen);
				r->carriedlen += r->fieldlen;
				if (in->record_term != '\t')
					break;
				continue;
			}
			if (col == r->col_id) {
				/* the id as written, unescaped: blanks at its ends and
				 * \n or \r inside are part of the name (rsplit -u doc
				 * wrote it so) */
				got = rk_in_raw_field(in, &r->field, &r->fieldlen, &r->fieldcap);
				if (!got && in->record_term == 0) {
					if (col > 0)
						short_row(r);
					return end_records(r);
				}
				r->fieldlen = rk_unescape(r->field, r->fieldlen, NULL);
				if (r->fieldlen + 1 > r->rowdoc_cap) {
					r->rowdoc_cap = r->fieldlen + 64;
					r->rowdoc = rk_realloc(r->rowdoc, r->rowdoc_cap);
				}
				memcpy(r->rowdoc, r->field, r->fieldlen);
				r->rowdoc[r->fieldlen] = '\0';
				/* a NUL (written as is) would cut the name short */
				for (size_t i = 0; i < r->fieldlen; i++)
					if (!r->rowdoc[i])
						r->rowdoc[i] = ' ';
			} else {
				got = rk_in_line(in);
				if (!got && in->record_term == 0) {
					if (col > 0)
						short_row(r);
					return end_records(r);
				}
				rk_in_skip_field(in);
			}
			if (in->record_term != '\t')
				break;
		}
		if (col < r->col_text) {
			short_row(r);
			if (in->record_term == 0)
				return end_records(r);
			continue;
		}
		rk_in_begin_field(in);
		if (in->raw_cut) {
			/* an id or carried column held whole would leave memory
			 * unbounded, cut it would be wrong: the row goes */
			if (r->long_rows++ == 0)
				r->first_long = r->record;
			rk_in_skip_field(in);
			continue;
		}
		if (at_end(in))
			return end_records(r);
		reset_outline(r);
		r->docname = r->rowdoc;
		return 1;
	}
}

static void
bad_row(rk_reader *r, const char *why)
{
	if (r->warned_row++)
		return;
	rk_warn("%s: line %ld: %s", r->name, r->line.nanch ? r->line.anch[0].line : 0, why);
}

/* Is sect a an ancestor of b (1.2 of 1.2.3)? */
static int
is_ancestor(const char *a, const char *b)
{
	size_t k = strlen(a);
	return strncmp(a, b, k) == 0 && b[k] == '.';
}

/* A line or col field: digits, at most max. */
static int
position(const char *s, long max, long *v)
{
	char *end;
	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	*v = strtol(s, &end, 10);
	return !*end && errno != ERANGE && *v <= max;
}

/* One TSV row into one block. */
static int
tsv_next(rk_reader *r)
{
	while (raw_line(r)) {
		char *f[32];
		int n, k, bad = 0;
		qblock *q;
		size_t len;
		long line, col = 0;
		para_reserve(&r->line, r->line.len + 1, 0);
		r->line.text[r->line.len] = '\0';
		n = rk_tsv_split(r->line.text, f, 32);
		if (n != r->ncols) {
			bad_row(r, "row with a missing or extra column, skipped");
			continue;
		}
		/* a line or col that is not a count from 0 would come out as
		 * nonsense (-5 as 18446744073709551611 in rmetric); col has row
		 * lengths added to it, so it stays far from LONG_MAX */
		if (!position(f[r->col_line], LONG_MAX, &line)) {
			bad_row(r, "row with a bad line number, skipped");
			continue;
		}
		if (r->col_col >= 0 && !position(f[r->col_col], LONG_MAX / 4, &col)) {
			bad_row(r, "row with a bad col number, skipped");
			continue;
		}
		len = rk_unescape(f[r->col_text], strlen(f[r->col_text]), &bad);
		if (bad)
			bad_row(r, "bad backslash escape kept as written");
		k = (int)strlen(f[r->col_doc]);
		if ((size_t)k + 1 > r->rowdoc_cap) {
			r->rowdoc_cap = (size_t)k + 64;
			r->rowdoc = rk_realloc(r->rowdoc, r->rowdoc_cap);
		}
		k = (int)rk_unescape(f[r->col_doc], (size_t)k, NULL);
		if (r->record++ == 0 || strncmp(r->rowdoc, f[r->col_doc], (size_t)k) != 0 || r->rowdoc[k])
			r->fresh_doc = 1;   /* a new document begins */
		memcpy(r->rowdoc, f[r->col_doc], (size_t)k);
		r->rowdoc[k] = '\0';

		/* the block's text lives in cur, like a paragraph's */
		r->cur.len = r->cur.nanch = 0;
		/* rsplit cuts one source line into several rows (items, sentences)
		 * and writes no col: a row on the line of the row before goes on
		 * from where that one ended */
		if (r->col_col >= 0)
			r->rowanchor.col = col;
		else if (!r->fresh_doc && line == r->rowanchor.line)
			r->rowanchor.col += r->rowchars;
		else
			r->rowanchor.col = 0;
		r->rowanchor.off = 0;
		r->rowanchor.line = line;
		r->rowchars = (long)rk_u8count(f[r->col_text], len);
		para_append(&r->cur, f[r->col_text], len, &r->rowanchor, 1);
		paragraph_serial++;
		q = emit(r, RK_PARA, 0, len, 1);
		q->b.doc = r->rowdoc;
		/* tables of older rkit wrote sect without its sign */
		k = r->col_sect < 0 || strncmp(f[r->col_sect], RK_SECT_SIGN, sizeof RK_SECT_SIGN - 1) != 0;
		snprintf(q->sect, sizeof q->sect, "%s%s", k ? RK_SECT_SIGN : "",
		         r->col_sect >= 0 ? f[r->col_sect] : "0");
		if (r->col_kind >= 0) {
			const char *kind = f[r->col_kind];
			rk_marker m;
			for (k = 0; k < RK_NKIND; k++)
				if (!strcmp(kind, rk_kind_name[k]))
					q->b.kind = (enum rk_kind)k;
			if (!strcmp(kind, "sentence"))
				q->b.para_start = 0;
			/* outline entries come back with their level from sect */
			if (q->b.kind == RK_TITLE || q->b.kind == RK_HEADING || q->b.kind == RK_ITEM) {
				const char *d;
				q->b.entry = q->b.kind == RK_TITLE ? RK_E_TITLE :
				             q->b.kind == RK_HEADING ? RK_E_HEADING : RK_E_ITEM;
				q->b.level = strcmp(q->sect, RK_SECT_SIGN "0") ? 1 : 0;
				for (d = q->sect; *d; d++)
					q->b.level += *d == '.';
				if (q->b.entry != RK_E_TITLE && rk_marker_at(q->b.text, len, &m))
					q->b.marker_len = m.len;
				set_title(q, q->b.marker_len,
				          q->b.entry == RK_E_TITLE ? len : rk_sentence_len(q->b.text + q->b.marker_len,
				                                                            len - q->b.marker_len));
			} else if (q->b.kind == RK_PARA && strcmp(q->sect, r->prevsect) != 0 &&
			           strcmp(q->sect, RK_SECT_SIGN "0") != 0 && !is_ancestor(q->sect, r->prevsect)) {
				const char *d;
				q->b.entry = RK_E_LEAD;
				q->b.level = 1;
				for (d = q->sect; *d; d++)
					q->b.level += *d == '.';
				set_title(q, 0, rk_sentence_len(q->b.text, len));
			}
		}
		snprintf(r->prevsect, sizeof r->prevsect, "%s", q->sect);
		return 1;
	}
	return 0;
}

/* The doc column is UTF-8 like every other: a file name's invalid bytes
 * become U+FFFD there, as bytes of text do, and are said once, with the
 * name written \xHH so that the file can be told.  (TSV input gets the
 * same from the reader's decoding: the two agree.) */
static char *
doc_name(const char *path)
{
	const unsigned char *u = (const unsigned char *)path;
	size_t n = strlen(path), i = 0, o = 0, shown = 0;
	char *name = rk_alloc(3 * n + 1), *raw = rk_alloc(4 * n + 1);
	int bad = 0;
	while (i < n) {
		int l = rk_u8seqlen(u + i, n - i);
		if (l <= 0) {
			memcpy(name + o, "\xEF\xBF\xBD", 3);
			o += 3;
			shown += (size_t)sprintf(raw + shown, "\\x%02X", u[i]);
			i++;
			bad = 1;
			continue;
		}
		memcpy(name + o, path + i, (size_t)l);
		memcpy(raw + shown, path + i, (size_t)l);
		o += (size_t)l;
		shown += (size_t)l;
		i += (size_t)l;
	}
	name[o] = raw[shown] = '\0';
	if (bad)
		rk_warn("%s: file name not UTF-8: its invalid bytes are U+FFFD in the doc column", raw);
	free(raw);
	return name;
}

rk_reader *
rk_open(const char *path, const rk_opts *opts)
{
	rk_reader *r = calloc(1, sizeof *r);
	if (!r)
		rk_die(1, "out of memory");
	r->in.line = NULL;
	/* reading ahead, the decoding goes in the reader's thread: three
	 * threads on two processors would only take turns */
	if (rk_in_open(&r->in, path, opts ? opts->encoding : NULL,
	               !(opts && opts->ahead) || rk_cpus() < 2) < 0) {
		free(r);
		return NULL;
	}
	r->name = doc_name(r->in.name);
	r->in.name = r->name;
	r->docname = r->name;
	r->fresh_doc = 1;
	r->carry = opts && opts->carry;
	r->want_ahead = opts && opts->ahead;
	r->prescan = opts ? opts->prescan : NULL;
	/* --text 2 --id 1: rows without a header, as a shard of a doc-per-row
	 * corpus reaches a Hadoop or Spark mapper */
	if (opts && opts->text_col && rk_is_digits(opts->text_col)) {
		r->col_text = column_index(opts->text_col);
		r->col_id = opts->id_col ? column_index(opts->id_col) : -1;
		if (r->col_text < 0 || (opts->id_col && r->col_id < 0)) {
			rk_fail("%s: --text and --id take column names, or numbers from 1", r->name);
			rk_close(r);
			return NULL;
		}
		if (r->col_id > r->col_text) {
			id_after_text(r, 1);
			rk_close(r);
			return NULL;
		}
		if (r->carry)
			for (int i = 0; i < r->col_text; i++)
				if (i != r->col_id) {
					char name[16];
					add_name(r, name, (size_t)snprintf(name, sizeof name, "c%d", i + 1));
				}
		r->docs = 1;
		r->in.escaped = 1;
		r->in.record_term = '\n';
		if (!next_record(r))
			r->docs = 2;
		return r;
	}
	/* rkit's own TSV is read back row by row, or document by document */
	if (raw_line(r)) {
		int d = opts && opts->raw ? 0 : docs_header(r, opts);
		if (d < 0) {
			rk_close(r);
			return NULL;
		}
		if (d) {
			r->docs = 1;
			r->in.escaped = 1;
			r->in.record_term = '\n';
			if (!next_record(r))
				r->docs = 2;   /* no rows */
		} else if (!(opts && opts->raw) && tsv_header(r))
			r->tsv = 1;
		else
			r->have_line = 1;
	} else if (opts && opts->text_col) {
		rk_fail("%s: no header line naming the columns", r->name);
		rk_close(r);
		return NULL;
	}
	return r;
}

const rk_block *
rk_next(rk_reader *r)
{
	if (r->want_ahead) {
		r->want_ahead = 0;
		/* decoding by iconv, the reading thread has work enough: the
		 * prescan stays with the tool (GB18030 ran slower with it) */
		r->ahead = rk_ahead_start(r, r->in.cd == (iconv_t)-1 ? r->prescan : NULL);
	}
	return r->ahead ? rk_ahead_next(r->ahead) : rk_next_block(r);
}

const rk_block *
rk_next_block(rk_reader *r)
{
	for (;;) {
		if (r->qi < r->qn) {
			/* emit() may have moved the queue: point sect at its home now */
			qblock *q = &r->q[r->qi++];
			q->b.sect = q->sect;
			return &q->b;
		}
		r->qn = r->qi = 0;
		if (r->tsv) {
			if (!tsv_next(r))
				return NULL;
			continue;
		}
		if (r->docs == 2)
			return NULL;
		if (!r->started) {
			r->have_next = get_para(r, &r->next);
			r->started = 1;
		}
		if (!r->have_next) {
			if (r->docs == 1 && next_record(r))
				continue;
			return NULL;
		}
		para_swap(&r->cur, &r->next);
		r->have_next = get_para(r, &r->next);
		paragraph_serial++;
		classify(r);
	}
}

const char *rk_docname(const rk_reader *r) { return r->docname; }

int
rk_next_line(rk_reader *r, const char **s, size_t *n, long *line, long *col0, int *newdoc)
{
	*newdoc = 0;
	if (r->tsv || r->docs == 2)
		return 0;
	if (!r->started) {
		r->started = 1;
		*newdoc = 1;
		if (r->have_line) {
			r->have_line = 0;
			goto give;
		}
	}
	for (;;) {
		if (rk_in_line(&r->in)) {
			r->line.len = r->line.nanch = 0;
			para_append(&r->line, r->in.line, r->in.len, r->in.anchors, r->in.nanch);
			goto give;
		}
		if (r->docs == 1 && next_record(r)) {
			r->started = 1;
			*newdoc = 1;
			continue;
		}
		return 0;
	}
give:
	*s = r->line.text ? r->line.text : "";    /* an empty first line has no buffer yet */
	*n = r->line.len;
	*line = r->line.nanch ? r->line.anch[0].line : r->in.lineno;
	*col0 = r->line.nanch ? r->line.anch[0].col : 0;
	return 1;
}
const char *rk_encoding(const rk_reader *r) { return r->in.encname; }

void
rk_close(rk_reader *r)
{
	if (!r)
		return;
	rk_ahead_stop(r->ahead);
	rk_in_close(&r->in);
	free(r->line.text); free(r->line.anch);
	free(r->cur.text); free(r->cur.anch);
	free(r->next.text); free(r->next.anch);
	for (size_t i = 0; i < RK_SHAPE_LINES; i++) {
		free(r->win[i].text);
		free(r->win[i].anch);
	}
	for (size_t i = 0; i < RK_HELD; i++) {
		free(r->held[i].text);
		free(r->held[i].anch);
	}
	for (size_t i = 0; i < RK_LOOKAHEAD; i++) {
		free(r->la[i].text);
		free(r->la[i].anch);
	}
	free(r->q);
	free(r->rowdoc);
	free(r->cands);
	free(r->carried);
	free(r->cnames);
	free(r->field);
	free(r->name);
	free(r);
}

void
rk_pos(const rk_block *b, size_t off, long *line, long *col)
{
	static rk_poscache last = { (unsigned long)-1, 0, 0, 0 };
	rk_pos_cached(&last, b, off, line, col);
}

void
rk_pos_cached(rk_poscache *c, const rk_block *b, size_t off, long *line, long *col)
{
	/* Callers walk a paragraph forward (one amount, one sentence after
	 * another): go on counting from the last answer instead of from the
	 * line's start, so a long line costs linear time, not quadratic. */
	const char *base = b->text - b->textoff;
	size_t o = b->textoff + off, lo = 0, hi = b->nanchors, a;
	if (b->nanchors == 0) {
		*line = 0;
		*col = 0;
		return;
	}
	/* the last anchor at or before o */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->anchors[mid].off <= o)
			lo = mid;
		else
			hi = mid;
	}
	a = lo;
	*line = b->anchors[a].line;
	if (b->serial == c->serial && a == c->anchor && o >= c->off)
		*col = c->col + (long)rk_u8count(base + c->off, o - c->off);
	else
		*col = b->anchors[a].col + (long)rk_u8count(base + b->anchors[a].off, o - b->anchors[a].off);
	c->serial = b->serial;
	c->anchor = a;
	c->off = o;
	c->col = *col;
}

const char *
rk_carried(const rk_reader *r, size_t *n)
{
	return r->ahead ? rk_ahead_carried(r->ahead, n) : rk_reader_carried(r, n);
}

const char *
rk_reader_carried(const rk_reader *r, size_t *n)
{
	*n = r->carriedlen;
	return r->carried ? r->carried : "";
}

const char *
rk_carried_names(const rk_reader *r, size_t *n)
{
	*n = r->cnameslen;
	return r->cnames ? r->cnames : "";
}

void
rk_each_doc(char **operands, int n, const rk_opts *opts, void (*fn)(rk_reader *, void *), void *ctx)
{
	static char *dash[] = { "-" };
	char *names = NULL;   /* the first document's carried columns */
	const char *first = NULL;
	size_t nlen = 0, k;
	int i;
	if (n == 0) {
		operands = dash;
		n = 1;
	}
	for (i = 0; i < n; i++) {
		rk_reader *r = rk_open(operands[i], opts);
		const char *cn;
		if (!r)
			continue;
		cn = rk_carried_names(r, &k);
		if (!names) {
			names = rk_alloc(k + 1);
			memcpy(names, cn, k + 1);
			nlen = k;
			first = operands[i];
			if (opts && opts->header) {
				rk_out_tsv(opts->header, strlen(opts->header));
				rk_out_tsv(names, nlen);
				rk_out_nl();
			}
		} else if (k != nlen || memcmp(cn, names, k) != 0) {
			/* one table: the same columns in every row */
			rk_fail("%s: other columns before the text than in %s", r->name, first);
			rk_close(r);
			continue;
		}
		fn(r, ctx);
		rk_close(r);
	}
	if (!names && opts && opts->header) {
		rk_out_tsv(opts->header, strlen(opts->header));
		rk_out_nl();
	}
	free(names);
}
