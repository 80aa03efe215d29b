/* rsplit: one row per segment (paragraph, sentence, item, section). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "rkit.h"

static const char usage_text[] =
"usage: rsplit [-N] [-u UNIT] [-E ENCODING] [--text COL [--id COL]] [FILE...]\n"
"Write each report as TSV segments: doc sect line kind text.\n"
"A FILE that is a PDF or a Word file (.docx .odt .doc) is read through pdftotext,\n"
"pandoc or antiword where installed; see rkit(7).\n"
"\n"
"  -u, --unit UNIT      para (default), sentence, item, section, or doc: one\n"
"                       row per document (doc text), its lines joined by \\n\n"
"      --text COL       input is TSV, one document per row in column COL (a name\n"
"                       from the header, or a number from 1 for rows without one)\n"
"      --id COL         the column naming each document (default: FILE:ROW)\n"
"                       (other columns before COL go on at the end of every row)\n"
"  -E, --encoding NAME  read input in this encoding (any iconv name); default: detect\n"
"  -N, --no-header      do not write the header line\n"
"      --csv            write CSV (RFC 4180 quoting) instead of TSV\n"
"      --bom            start with a UTF-8 byte order mark (for Excel)\n"
"      --line-buffered  write each row out as it is made (live pipelines)\n"
"  -h, --help           show this help\n"
"      --version        show the version\n"
"\n"
"Columns: doc (the operand), sect (the place in the outline: §0, §1, §1.10),\n"
"line (1-based source line where the segment starts), kind (title, heading,\n"
"item, para, sentence, meta), text (TSV: escaped \\t \\n \\r \\\\).\n"
"See rsplit(1) and rkit(7).\n";

enum unit { U_PARA, U_SENTENCE, U_ITEM, U_SECTION, U_DOC };

/* item and section rows gather several blocks; this bounds them */
#define GATHER_MAX (1 << 20)

struct ctx {
	enum unit unit;
	/* the row being gathered */
	char *buf;
	size_t len, cap;
	int open;
	const char *kind;
	long line;
	char sect[200];
	char *doc;         /* copied: a packed stream reuses the reader's name buffer */
	size_t doccap;
	char *carried;     /* and the columns carried with it */
	size_t carriedlen, carriedcap;
	const rk_reader *r;
	rk_sentcut cut;
};

static void
row(const char *doc, const char *sect, long line, const char *kind, const char *text, size_t n,
    const char *carried, size_t ncarried)
{
	rk_out_field(doc, strlen(doc));
	rk_out_tab();
	rk_out_str(sect);
	rk_out_tab();
	rk_out_long(line);
	rk_out_tab();
	rk_out_str(kind);
	rk_out_tab();
	rk_out_field(text, n);
	rk_out_tsv(carried, ncarried);
	rk_out_nl();
}

/* a row of the reader's current document */
static void
row_now(const struct ctx *c, const rk_block *b, long line, const char *kind, const char *text, size_t n)
{
	size_t k;
	const char *carried = rk_carried(c->r, &k);
	row(b->doc, b->sect, line, kind, text, n, carried, k);
}

static void
flush(struct ctx *c)
{
	if (c->open)
		row(c->doc, c->sect, c->line, c->kind, c->buf, c->len, c->carried, c->carriedlen);
	c->open = 0;
	c->len = 0;
}

static void
gather(struct ctx *c, const rk_block *b, int starts_row)
{
	size_t need;
	const char *carried;
	if (c->open && (starts_row || b->doc_start || c->len + b->len + 1 > GATHER_MAX))
		flush(c);
	if (!c->open) {
		size_t k = strlen(b->doc) + 1;
		c->open = 1;
		c->kind = b->kind == RK_HEADING || b->kind == RK_TITLE || b->kind == RK_ITEM
		              ? rk_kind_name[b->kind] : "para";
		c->line = b->line;
		snprintf(c->sect, sizeof c->sect, "%s", b->sect);
		if (k > c->doccap) {
			c->doccap = k + 64;
			c->doc = rk_realloc(c->doc, c->doccap);
		}
		memcpy(c->doc, b->doc, k);
		/* the row may be written once the reader is in the next document */
		carried = rk_carried(c->r, &k);
		if (k + 1 > c->carriedcap) {
			c->carriedcap = k + 64;
			c->carried = rk_realloc(c->carried, c->carriedcap);
		}
		memcpy(c->carried, carried, k);
		c->carriedlen = k;
	} else if (b->para_start) {
		c->buf[c->len++] = '\n';   /* paragraphs stay apart inside a row */
	}
	need = c->len + b->len + 1;
	if (need > c->cap) {
		c->cap = need * 2;
		c->buf = rk_realloc(c->buf, c->cap);
	}
	memcpy(c->buf + c->len, b->text, b->len);
	c->len += b->len;
}

static void
sentences(struct ctx *c, const rk_block *b)
{
	size_t off = 0, a = 0;
	rk_sentcut_init(&c->cut, b->text, b->len);
	while (off < b->len) {
		size_t k = rk_sentence_at(&c->cut, off);
		/* the line of the last anchor at or before off, as rk_pos() finds
		 * it; sentences go forward, and the column is not wanted, so the
		 * walk skips rk_pos()'s counting of characters */
		while (a + 1 < b->nanchors && b->anchors[a + 1].off <= b->textoff + off)
			a++;
		row_now(c, b, b->nanchors ? b->anchors[a].line : 0, "sentence", b->text + off, k);
		off += k;
		/* sentences do not start with blanks */
		while (off < b->len && (b->text[off] == ' ' || b->text[off] == '\t'))
			off++;
	}
}

/* One row per document: its normalised lines, blank ones too, so that
 * reading the row back gives the same lines, columns and outline. */
static void
each_doc(rk_reader *r)
{
	const char *s;
	size_t n;
	long line, col0, at = 0;
	int newdoc, open = 0;
	while (rk_next_line(r, &s, &n, &line, &col0, &newdoc)) {
		const char *doc = rk_docname(r);
		if (newdoc) {
			if (open) {
				rk_out_end();
				rk_out_nl();
			}
			rk_out_field(doc, strlen(doc));
			rk_out_tab();
			rk_out_begin();
			open = 1;
			at = 1;
		}
		for (; at < line; at++)
			rk_out_part("\n", 1);
		for (; col0 > 0; col0--)
			rk_out_part(" ", 1);    /* the blanks the line started with, as spaces */
		rk_out_part(s, n);
	}
	if (open) {
		rk_out_end();
		rk_out_nl();
	}
}

static void
each(rk_reader *r, void *vctx)
{
	struct ctx *c = vctx;
	const rk_block *b;
	c->r = r;
	if (c->unit == U_DOC) {
		each_doc(r);
		return;
	}
	while ((b = rk_next(r)) != NULL) {
		switch (c->unit) {
		case U_PARA:
			row_now(c, b, b->line, rk_kind_name[b->kind], b->text, b->len);
			break;
		case U_SENTENCE:
			if (b->kind == RK_PARA || b->kind == RK_ITEM)
				sentences(c, b);
			else
				row_now(c, b, b->line, rk_kind_name[b->kind], b->text, b->len);
			break;
		case U_DOC:
			break;
		case U_ITEM:
		case U_SECTION:
			if (b->kind == RK_META) {
				flush(c);
				row_now(c, b, b->line, "meta", b->text, b->len);
				break;
			}
			gather(c, b, c->unit == U_ITEM ? b->entry != RK_E_NONE
			                               : b->entry == RK_E_HEADING || b->entry == RK_E_TITLE);
			break;
		}
	}
	flush(c);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "unit", required_argument, NULL, 'u' },
		{ "text", required_argument, NULL, 'T' },
		{ "id", required_argument, NULL, 'I' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "no-header", no_argument, NULL, 'N' },
		RK_OUT_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const units[] = { "para", "sentence", "item", "section", "doc" };
	struct ctx c;
	rk_opts o = { 0 };
	int header = 1, ch, i;

	memset(&c, 0, sizeof c);
	rk_init(argv[0]);
	while ((ch = rk_getopt(argc, argv, "u:E:Nh", longopts)) != -1) {
		switch (ch) {
		case 'u':
			for (i = 0; i < 5 && strcmp(optarg, units[i]) != 0; i++)
				;
			if (i == 5)
				rk_usage("unknown unit '%s' (para, sentence, item, section, doc)", optarg);
			c.unit = (enum unit)i;
			break;
		case 'E':
			if (!rk_encoding_ok(optarg))
				rk_usage("unknown encoding '%s'", optarg);
			o.encoding = optarg;
			break;
		case 'T': o.text_col = optarg; break;
		case 'I': o.id_col = optarg; break;
		case 'N': header = 0; break;
		case RK_OPT_CSV: case RK_OPT_BOM: case RK_OPT_LINE_BUFFERED: rk_out_option(ch); break;
		case 'h': rk_print_exit(usage_text);
		case 'V': rk_print_exit("rsplit (rkit) " RKIT_VERSION "\n");
		default: rk_usage("unhandled option");   /* rk_getopt() handles bad ones */
		}
	}
	rk_check_columns(&o);
	/* the packed form stays two columns: it is read back as documents */
	o.carry = c.unit != U_DOC;
	if (header)
		o.header = c.unit == U_DOC ? "doc\ttext" : "doc\tsect\tline\tkind\ttext";
	rk_each_doc(argv + optind, argc - optind, &o, each, &c);
	free(c.buf);
	free(c.doc);
	free(c.carried);
	rk_sentcut_free(&c.cut);
	return rk_finish();
}
