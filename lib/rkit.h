/* rkit: turn Chinese reports into TSV tables.  The shared library.
 *
 * One pass over each document: bytes -> decoded, normalised UTF-8 lines ->
 * paragraphs (broken lines rejoined) -> classified blocks carrying their
 * place in the outline.  Each tool is a small consumer of rk_next().
 */
#ifndef RKIT_H
#define RKIT_H

#include <stddef.h>
#include <stdio.h>

#define RKIT_VERSION "0.1.0"

/* ---- program-wide helpers (util.c) ---------------------------------- */

extern const char *argv0;        /* set by rk_init(); used in messages */
extern int rk_status;            /* exit status so far: 0, or 1 after a bad file */

void rk_init(const char *prog);  /* sets argv0, SIGPIPE handling, stdout buffer */
void rk_warn(const char *fmt, ...);   /* "prog: msg\n" on stderr */
void rk_fail(const char *fmt, ...);   /* rk_warn() and rk_status = 1 */
_Noreturn void rk_die(int status, const char *fmt, ...);
/* A usage error: "prog: msg" and "Try 'prog --help'.", exit 2. */
_Noreturn void rk_usage(const char *fmt, ...);
/* getopt_long() whose errors are usage errors as above (its own message,
 * under the tool's name rather than the path it was run by, then the
 * Try line). */
struct option;
int rk_getopt(int argc, char **argv, const char *optstring, const struct option *longopts);
/* The decimal number s, for option opt, in lo..hi; else a usage error
 * (out of range included: no value is cut to fit). */
long rk_number(const char *s, const char *opt, long lo, long hi);
/* --help and --version: text on stdout and exit 0, or 1 with a message
 * when it cannot be written (a full disk). */
_Noreturn void rk_print_exit(const char *text);
void *rk_alloc(size_t n);             /* malloc or die */
void *rk_realloc(void *p, size_t n);
int rk_finish(void);                  /* flush stdout, check for write errors; returns exit status */

/* Output: a table on stdout.  TSV in PostgreSQL's COPY text format by
 * default (\t \n \r \\ escaped, \N a missing value); CSV with --csv, as
 * COPY's CSV format writes it (RFC 4180 quoting, "" an empty text, nothing
 * a missing value).  See rkit(7), OUTPUT. */
void rk_out(const char *s, size_t n);        /* raw bytes */
void rk_out_str(const char *s);              /* raw C string (a field that needs no escape) */
void rk_out_field(const char *s, size_t n);  /* a field: escaped, or quoted as CSV needs */
void rk_out_null(void);                      /* a missing value */
void rk_out_long(long v);
void rk_out_tab(void);                       /* the field separator: a tab, or a comma */
void rk_out_nl(void);                        /* a row's end */
/* A field written in pieces (each escaped; quoted whole in CSV). */
void rk_out_begin(void);
void rk_out_part(const char *s, size_t n);
void rk_out_end(void);
/* Whole fields already in rkit TSV form (escaped, tab-separated, rows
 * ending in newlines), as a carried column or a row put together by hand:
 * as they are in TSV, converted in CSV.  A tab at the start separates the
 * first field from what was written before. */
void rk_out_tsv(const char *s, size_t n);

/* The output options every tool takes, as getopt_long entries (the val of
 * each an RK_OPT_*) handed on to rk_out_option(). */
enum { RK_OPT_CSV = 0x200, RK_OPT_BOM, RK_OPT_LINE_BUFFERED };
#define RK_OUT_LONGOPTS \
	{ "csv", no_argument, NULL, RK_OPT_CSV }, \
	{ "bom", no_argument, NULL, RK_OPT_BOM }, \
	{ "line-buffered", no_argument, NULL, RK_OPT_LINE_BUFFERED }
void rk_out_option(int opt);
int rk_out_csv(void);      /* 1 with --csv */
/* --line-buffered: each row is written out as it ends, and input is taken
 * as it arrives, not in whole buffers (for live pipelines) */
extern int rk_live;

/* The sign sect starts with (§1.10): no typed reader takes it for a number. */
#define RK_SECT_SIGN "§"

/* Inverse of the escaping, in place; returns the new length.  Bad escapes
 * (a backslash before anything else) are kept as written and counted in *bad. */
size_t rk_unescape(char *s, size_t n, int *bad);

/* ---- UTF-8 helpers (utf8.c) ----------------------------------------- */

/* Decode the code point at s (n bytes available); *len gets its length.
 * Input is assumed valid (everything past the decoder is). */
unsigned rk_u8dec(const char *s, size_t n, int *len);
size_t rk_u8count(const char *s, size_t n);          /* code points */
/* 1 if s[0..n) is strict UTF-8 (for bytes from outside: option files). */
int rk_u8valid(const char *s, size_t n);
unsigned rk_u8last(const char *s, size_t n, int *len); /* the last code point, 0 if none */
/* Code points, exact up to max; max + 1 when there are more. */
size_t rk_u8count_max(const char *s, size_t n, size_t max);
int rk_u8enc(unsigned cp, char *out);                /* returns bytes written */
/* Full-width ASCII variants (U+FF01..U+FF5E) folded to ASCII; others as is. */
unsigned rk_fold(unsigned cp);
int rk_is_cjk(unsigned cp);                          /* Han ideograph */
int rk_is_space(unsigned cp);                        /* incl. NBSP, U+3000 */
/* First occurrence of the 3-byte character c in s[0..n), or NULL. */
const char *rk_find3(const char *s, size_t n, const char *c);

/* ---- input options --------------------------------------------------- */

typedef struct {
	const char *encoding;   /* -E: forced iconv name, or NULL to detect */
	int raw;                /* read rkit TSV as plain text, not as rows */
	const char *text_col;   /* --text: TSV input, one document per row in this column */
	const char *id_col;     /* --id: the column naming each document */
	int carry;              /* keep the other columns before the text (rk_carried()) */
	const char *header;     /* rk_each_doc() writes it before the first document,
	                           the carried columns' names and a newline after it */
	int ahead;              /* read in a second thread, blocks handed over in
	                           batches; the caller then uses rk_next(),
	                           rk_carried() and rk_close() only */
	/* With ahead, on input that needs no iconv (which keeps the reading
	 * thread busy enough): run in the reading thread on each block's
	 * text, writing offsets into it (in order, at most max) to out;
	 * returns their count, or (size_t)-1 if there are more, and the block
	 * goes without them.  The block carries them as marks and nmarks. */
	size_t (*prescan)(const char *s, size_t n, unsigned *out, size_t max);
} rk_opts;

/* ---- blocks: what rk_next() yields ----------------------------------- */

enum rk_kind {
	RK_TITLE,     /* the document title, level 0 */
	RK_HEADING,   /* numbered or unnumbered heading: marker + title only */
	RK_ITEM,      /* an item (一是… 第一，… 1. inside lists) up to the next item or paragraph end */
	RK_PARA,      /* body text */
	RK_META,      /* page furniture, dateline, byline, caption: kept out of the outline */
	RK_NKIND
};
extern const char *const rk_kind_name[RK_NKIND];   /* "title", "heading", ... */

/* Outline entry kinds as rhead reports them. */
enum rk_entry { RK_E_NONE, RK_E_TITLE, RK_E_HEADING, RK_E_ITEM, RK_E_LEAD };
extern const char *const rk_entry_name[];          /* "", "title", "heading", "item", "lead" */

/* Where a byte of block text came from: text[off..] starts at source
 * line `line`, character column `col` (0-based, counted after decoding). */
typedef struct { size_t off; long line; long col; } rk_anchor;

typedef struct {
	enum rk_kind kind;
	const char *text;       /* UTF-8, normalised, no newline; not NUL-terminated */
	size_t len;
	long line;              /* source line of text[0]; rk_pos() gives columns */
	const char *sect;       /* dotted outline position in force for this block, "0" before any */
	int doc_start;          /* 1 on the first block of a document (a stream of
	                           packed documents has several in one reader) */
	int para_start;         /* 1 if this block begins a new paragraph (0 for a heading's
	                           same-line body or the second item of a paragraph) */

	/* Set when this block opens an outline entry (entry != RK_E_NONE).  A
	 * lead paragraph is kind RK_PARA with entry RK_E_LEAD.  The entry's
	 * marker is text[0..marker_len), its title text[title_off..title_off+title_len). */
	enum rk_entry entry;
	int level;
	size_t marker_len;
	size_t title_off, title_len;

	const char *doc;        /* the document's name: the operand, or the doc column of TSV input */

	/* position map of the paragraph this block was cut from; use rk_pos() */
	const rk_anchor *anchors;
	size_t nanchors;
	size_t textoff;         /* offset of text in that paragraph */
	unsigned long serial;   /* which paragraph: lets rk_pos() go on from its last answer */

	/* what rk_opts.prescan found in text, read ahead; NULL if not run */
	const unsigned *marks;
	size_t nmarks;
} rk_block;

/* Source position of byte offset off in b->text. */
void rk_pos(const rk_block *b, size_t off, long *line, long *col);

/* ---- the reader ------------------------------------------------------ */

typedef struct rk_reader rk_reader;

/* Open a document: path NULL or "-" is standard input.  On failure prints
 * "prog: path: reason", sets rk_status = 1 and returns NULL. */
rk_reader *rk_open(const char *path, const rk_opts *opts);
/* Next block, or NULL at end of document (or on a read error, reported). */
const rk_block *rk_next(rk_reader *r);
const char *rk_docname(const rk_reader *r);   /* the operand, "-" for stdin */
const char *rk_encoding(const rk_reader *r);  /* detected or forced encoding */
void rk_close(rk_reader *r);
/* Next normalised source line of the document (blank lines included), for
 * tools that want lines, not blocks (rsplit -u doc).  *newdoc is set on
 * the first line of each document (records of a doc-per-row stream are
 * documents); *col0 counts the blanks the line lost at its start.
 * Returns 0 at the end of the input. */
int rk_next_line(rk_reader *r, const char **s, size_t *n, long *line, long *col0, int *newdoc);

/* The columns of --text input carried through (rk_opts.carry): those before
 * the text column other than the id, each after a tab, as written (still
 * escaped); "" if none.  rk_carried() gives the current document's values,
 * rk_carried_names() their names from the header (c2, c3... without one). */
const char *rk_carried(const rk_reader *r, size_t *n);
const char *rk_carried_names(const rk_reader *r, size_t *n);

/* Run fn on each operand (none or "-" is standard input), opening and
 * closing readers; a file that cannot be opened is reported and skipped. */
void rk_each_doc(char **operands, int n, const rk_opts *opts,
                 void (*fn)(rk_reader *r, void *ctx), void *ctx);
/* 1 if iconv can decode NAME (for checking -E before any file is read). */
int rk_encoding_ok(const char *name);

/* ---- sentences (sentence.c) ------------------------------------------ */

/* Length of the first sentence of s[0..n): up to and including its end
 * mark (。！？； ! ? ; and trailing closers), not inside quotes or brackets,
 * not at the dot of 37.8% or 1.扎实.  Returns n if no end is found. */
size_t rk_sentence_len(const char *s, size_t n);
/* The sentences of one text one after another, in time linear in the text
 * (rk_sentence_len() on each rest would be quadratic where quotes never
 * close): rk_sentence_at() gives the length of the sentence at off, for
 * offsets that only grow, as rk_sentence_len(s + off, n - off) does but
 * for openers never closed, which it treats as plain characters from the
 * first time it meets them on.  Init may be called again for the next
 * text; free at the end. */
typedef struct {
	const char *s;
	size_t n;
	size_t *skip, nskip, skipcap;   /* offsets of openers never closed */
	size_t iskip;                   /* the first of them not behind us */
} rk_sentcut;
void rk_sentcut_init(rk_sentcut *c, const char *s, size_t n);
size_t rk_sentence_at(rk_sentcut *c, size_t off);
void rk_sentcut_free(rk_sentcut *c);

/* ---- reading rkit TSV (tsv.c) ----------------------------------------- */

/* Splits a line (without its newline) into at most max fields, in place
 * (tabs become NULs); returns the field count. */
int rk_tsv_split(char *line, char **fields, int max);
/* 1 if s is one or more ASCII digits and nothing else. */
int rk_is_digits(const char *s);
/* Column numbers of --text and --id run from 1 to this. */
#define RK_MAXCOL 1000000
/* A usage error (rk_usage()) unless --text and --id are each a column name
 * or a number from 1 to RK_MAXCOL, --id comes with --text, a number with a
 * number, and they name two columns.  Tools call it once options are read. */
void rk_check_columns(const rk_opts *o);

#endif
