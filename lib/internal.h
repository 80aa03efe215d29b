/* Library-internal interfaces between the input, outline and reader layers. */
#ifndef RKIT_INTERNAL_H
#define RKIT_INTERNAL_H

#include <iconv.h>
#include <pthread.h>
#include <sys/types.h>
#include "rkit.h"

/* A physical line, or a piece of one when it is longer than RK_LINE_MAX. */
#define RK_CHUNK (1 << 16)
#define RK_LINE_MAX (1 << 18)
#define RK_NCHUNK 3              /* decoded chunks in flight from the decoder thread */

struct rk_dchunk {
	unsigned char data[RK_CHUNK * 4 - 64];
	size_t len;
	long bad;                  /* offset of the first invalid input, or -1 */
	int last;
};

typedef struct {
	int fd;
	const char *name;          /* as given, "-" for stdin */
	const char *encname;       /* detected or forced */
	iconv_t cd;                /* (iconv_t)-1 on the UTF-8 path */
	size_t badskip;            /* bytes to skip on an invalid sequence */
	int gbfast;                /* GB18030 by the table in input.c, iconv for the rest */
	int eof, readerr;

	unsigned char raw[RK_CHUNK];
	size_t rawlen, rawpos;

	/* decoded UTF-8 not yet split into lines (iconv path only) */
	unsigned char dec[RK_CHUNK * 4 + 16];
	size_t declen, decpos;
	long bad_at;               /* dec offset of the first invalid input, or -1 */
	int dec_done;              /* all input converted into dec */

	/* the decoder thread (iconv path, input past its first chunk) */
	int threaded, stop;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct rk_dchunk chunks[RK_NCHUNK];
	int head, nfull;

	/* the current line, normalised */
	char *line;
	size_t len, cap;
	long lineno;               /* 1-based physical line */
	long col0;                 /* column of line[0] in the physical line */
	long nextcol;              /* columns consumed so far in a long line */
	int piece;                 /* 1 if this line continues a longer physical one */
	int cont;                  /* the physical line goes on in the next piece */
	int pending_cr;            /* last byte seen was CR: swallow a following LF */
	int newline_seen;          /* the last line ended with a line end */
	size_t carry_from, carry_end; /* the rest of a long line, kept in line[] */
	rk_anchor *anchors;        /* where columns jump (stripped characters) */
	size_t nanch, anchcap;

	int warned_bad, warned_long;
	int formfeed;              /* form feeds (page breaks) among the line's leading blanks */

	/* a later region that is not UTF-8 (a page in GBK appended): from
	 * the line where it starts, each line is read as UTF-8 where it is
	 * valid UTF-8, else in a legacy encoding (input.c, fill_mixed) */
	int region_ok;                 /* detected as UTF-8: may switch */
	int mixed;                     /* switched */
	int switch_pending;            /* take() found the region; rk_in_line() switches */
	int want_fill;                 /* take() needs a fuller buffer to judge */
	unsigned long long rawbase;    /* stream offset of raw[0] */
	unsigned long long linestart;  /* stream offset of the current line */
	unsigned long long region_next;/* no new judgement before this offset */

	/* a PDF or Word file read through its converter (convert.c): fd is
	 * the converter's output */
	const struct rk_conv *conv;    /* NULL for text */
	pid_t child, feeder;           /* the converter; what copies stdin to it */
	int errfd;                     /* its standard error, a temporary file */
	int conv_text;                 /* its output had more than blanks */

	/* Record mode, for one document per TSV row: text is unescaped
	 * (\n ends a line), and a raw tab or newline ends the field. */
	int escaped;
	int record_end;            /* the field ended; rk_in_line() gives 0 */
	int record_term;           /* what ended it: '\t' or '\n' (0 at EOF) */
	int raw_cut;               /* rk_in_raw_field() read past RK_FIELD_MAX bytes */
} rk_input;

/* decoder_thread: decode (iconv path) in a thread of its own where two
 * processors are there; 0 when the reader already has one (rk_opts.ahead) */
int rk_in_open(rk_input *in, const char *path, const char *encoding, int decoder_thread);
long rk_cpus(void);   /* processors this process may run on (cpus.c) */
/* Length of the well-formed UTF-8 sequence at s (n bytes there), 0 if it
 * is invalid, -1 if cut short by the end (input.c). */
int rk_u8seqlen(const unsigned char *s, size_t n);
/* Bytes of the blank (ASCII or Unicode space, an &emsp; entity) at s, 0 if
 * none; and of the blanks that end s (input.c). */
size_t rk_blank_len(const char *s, size_t n);
size_t rk_trailing_blank(const char *s, size_t n);
/* Next line into in->line; 1 if there is one, 0 at end of input. */
int rk_in_line(rk_input *in);
/* With --line-buffered (rk_live): 1 if no whole line is buffered and
 * reading would wait for the writer of a pipe. */
int rk_in_waiting(rk_input *in);
void rk_in_close(rk_input *in);
/* Record mode: start the next field as a document, numbering lines from 1. */
void rk_in_begin_field(rk_input *in);
/* Read more input into the raw buffer; 0 if there is none. */
int rk_in_fill(rk_input *in);
/* Read the rest of the current field and drop it. */
void rk_in_skip_field(rk_input *in);
/* Record mode: the rest of the current field as written (escapes kept, not
 * normalised; invalid UTF-8 as U+FFFD) into *buf, *len bytes; 0 at the end
 * of the input.  Held to about RK_FIELD_MAX bytes (an id, a carried
 * column): the rest is read past and raw_cut set. */
#define RK_FIELD_MAX (1 << 20)
int rk_in_raw_field(rk_input *in, char **buf, size_t *len, size_t *cap);

/* convert.c: after the first read, look at what the input is.  0: text;
 * 1: a PDF or Word file, whose converter now writes to in->fd; -1: a
 * binary file, or the converter could not run (reported). */
int rk_conv_open(rk_input *in);
void rk_conv_saw(rk_input *in, const unsigned char *s, size_t n);  /* output read */
void rk_conv_finish(rk_input *in);   /* at its end: reap it, report a failure */
void rk_conv_close(rk_input *in);    /* stop it if it still runs */
extern int rk_convert_off;           /* fuzz targets: read every file as text */

/* outline.c: what a paragraph is */
enum rk_style {
	ST_NONE,
	ST_HAN_DUN,       /* 一、 */
	ST_HAN_PAREN,     /* （一） */
	ST_NUM_DOT,       /* 1. 1． 1、 */
	ST_NUM_PAREN,     /* （1） */
	ST_CIRCLED,       /* ① */
	ST_SHI,           /* 一是 */
	ST_DI,            /* 第一， */
	ST_PLAIN,         /* unnumbered heading */
	ST_LEAD,          /* lead sentence */
	ST_APPENDIX,      /* 附件 */
	ST_GLOSSARY,      /* 名词解释 */
	ST_DASH,          /* ——这五年… */
	ST_NSTYLE
};

/* A marker at the start of s: its style, byte length and numeric value. */
typedef struct { enum rk_style style; size_t len; int num; } rk_marker;
int rk_marker_at(const char *s, size_t n, rk_marker *m);
/* An inline item marker (一是 第一，) at s; same result shape. */
int rk_item_at(const char *s, size_t n, rk_marker *m);

int rk_ends_final(const char *s, size_t n);    /* ends with 。！？；… or a closer after one */
int rk_has_sentence_mark(const char *s, size_t n);
int rk_is_furniture(const char *s, size_t n);  /* page furniture */
int rk_is_web_furniture(const char *s, size_t n);  /* a portal's link bar, menu, search box */
int rk_is_breadcrumb(const char *s, size_t n);     /* 当前位置：首页 > … */
int rk_is_tail_trigger(const char *s, size_t n);
int rk_is_dateline(const char *s, size_t n);
int rk_is_byline(const char *s, size_t n);
int rk_has_prefix(const char *s, size_t n, const char *p);

/* reader.c: rk_next() and rk_carried() of the reader's own thread, and
 * rk_pos() with its memory of the last answer in c */
const rk_block *rk_next_block(rk_reader *r);
const char *rk_reader_carried(const rk_reader *r, size_t *n);
typedef struct { unsigned long serial; size_t anchor, off; long col; } rk_poscache;
void rk_pos_cached(rk_poscache *c, const rk_block *b, size_t off, long *line, long *col);
unsigned long rk_new_serial(void);   /* a paragraph serial no block has yet */

/* ahead.c: the reader in a second thread (rk_opts.ahead) */
typedef struct rk_ahead rk_ahead;
/* NULL on one processor, or if no thread could start; prescan as in rk_opts */
rk_ahead *rk_ahead_start(rk_reader *r, size_t (*prescan)(const char *, size_t, unsigned *, size_t));
const rk_block *rk_ahead_next(rk_ahead *a);
const char *rk_ahead_carried(const rk_ahead *a, size_t *n);
void rk_ahead_stop(rk_ahead *a);          /* joins the thread and frees a */

/* shape.c: what a converter did to a document's lines (see there) */
#define RK_SHAPE_LINES 128       /* lines the shape is learnt from */
#define RK_SHAPE_BYTES (1 << 14) /* ... or fewer, within these bytes */
#define RK_HEADER_MAX 160        /* running headers longer than this are not looked for */
#define RK_NHEADER 8
typedef struct {
	const char *s;
	size_t n;
	int width;                 /* rk_line_width() */
	long indent;               /* blank columns before the text */
	int ff;                    /* a page break before the line */
	int blanks;                /* blank lines before it */
	int furn;                  /* a page number */
} rk_lineinfo;
typedef struct {
	int wrapped;               /* hard-wrapped: most lines end near width */
	int width, slack;          /* in half-columns; a line within slack of width is full */
	int indent;                /* paragraph starts indented past margin */
	long margin, para_indent;  /* the common left margin; a first line's indent */
	int blank_sep;             /* blank lines end paragraphs */
	int first_short;           /* no indent kept, but first lines short by one */
	int spaced;                /* a gap between Han and Latin or digits */
	int ncand;                 /* lines seen at page edges, by key */
	struct { char key[RK_HEADER_MAX]; size_t len; int seen; } cand[RK_NHEADER];
} rk_shape;
int rk_line_width(const char *s, size_t n);
int rk_is_page_number(const char *s, size_t n);
int rk_is_bare_number(const char *s, size_t n);
void rk_shape_learn(rk_shape *sh, const rk_lineinfo *v, size_t n);
void rk_shape_edge(rk_shape *sh, const char *s, size_t n);
int rk_shape_is_header(const rk_shape *sh, const char *s, size_t n);
int rk_letter_spaced(const char *s, size_t n);
int rk_gap_closes(unsigned prev, unsigned next, int spaced, int letters);

#endif
