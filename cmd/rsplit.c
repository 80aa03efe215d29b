/* rsplit: one row per segment (paragraph, sentence, item, section). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "rkit.h"

static const char usage_text[] =
"usage: rsplit [-N] [-u UNIT] [-E ENCODING] [FILE...]\n"
"Write each report as TSV segments: doc sect line kind text.\n"
"\n"
"  -u, --unit UNIT      para (default), sentence, item or section\n"
"  -E, --encoding NAME  read input in this encoding (any iconv name); default: detect\n"
"  -N, --no-header      do not write the header line\n"
"  -h, --help           show this help\n"
"      --version        show the version\n"
"\n"
"Columns: doc (the operand), sect (dotted place in the outline), line (1-based\n"
"source line where the segment starts), kind (title, heading, item, para,\n"
"sentence, meta), text (escaped \\t \\n \\r \\\\).  See rsplit(1) and rkit(7).\n";

enum unit { U_PARA, U_SENTENCE, U_ITEM, U_SECTION };

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
	const char *doc;
};

static void
usage(int status)
{
	fputs(usage_text, status ? stderr : stdout);
	exit(status);
}

static void
row(const char *doc, const char *sect, long line, const char *kind, const char *text, size_t n)
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
	rk_out_nl();
}

static void
flush(struct ctx *c)
{
	if (c->open)
		row(c->doc, c->sect, c->line, c->kind, c->buf, c->len);
	c->open = 0;
	c->len = 0;
}

static void
gather(struct ctx *c, const rk_block *b, int starts_row)
{
	size_t need;
	if (c->open && (starts_row || c->len + b->len + 1 > GATHER_MAX))
		flush(c);
	if (!c->open) {
		c->open = 1;
		c->kind = b->kind == RK_HEADING || b->kind == RK_TITLE || b->kind == RK_ITEM
		              ? rk_kind_name[b->kind] : "para";
		c->line = b->line;
		snprintf(c->sect, sizeof c->sect, "%s", b->sect);
		c->doc = b->doc;
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
sentences(const rk_block *b)
{
	size_t off = 0;
	while (off < b->len) {
		size_t k = rk_sentence_len(b->text + off, b->len - off);
		long line, col;
		rk_pos(b, off, &line, &col);
		row(b->doc, b->sect, line, "sentence", b->text + off, k);
		off += k;
		/* sentences do not start with blanks */
		while (off < b->len && (b->text[off] == ' ' || b->text[off] == '\t'))
			off++;
	}
}

static void
each(rk_reader *r, void *vctx)
{
	struct ctx *c = vctx;
	const rk_block *b;
	while ((b = rk_next(r)) != NULL) {
		switch (c->unit) {
		case U_PARA:
			row(b->doc, b->sect, b->line, rk_kind_name[b->kind], b->text, b->len);
			break;
		case U_SENTENCE:
			if (b->kind == RK_PARA || b->kind == RK_ITEM)
				sentences(b);
			else
				row(b->doc, b->sect, b->line, rk_kind_name[b->kind], b->text, b->len);
			break;
		case U_ITEM:
		case U_SECTION:
			if (b->kind == RK_META) {
				flush(c);
				row(b->doc, b->sect, b->line, "meta", b->text, b->len);
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
		{ "encoding", required_argument, NULL, 'E' },
		{ "no-header", no_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const units[] = { "para", "sentence", "item", "section" };
	struct ctx c;
	rk_opts o = { 0 };
	int header = 1, ch, i;

	memset(&c, 0, sizeof c);
	rk_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "u:E:Nh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			for (i = 0; i < 4 && strcmp(optarg, units[i]) != 0; i++)
				;
			if (i == 4)
				rk_die(2, "unknown unit '%s' (para, sentence, item, section)", optarg);
			c.unit = (enum unit)i;
			break;
		case 'E':
			if (!rk_encoding_ok(optarg))
				rk_die(2, "unknown encoding '%s'", optarg);
			o.encoding = optarg;
			break;
		case 'N': header = 0; break;
		case 'h': usage(0); break;
		case 'V': puts("rsplit (rkit) " RKIT_VERSION); return 0;
		default: usage(2);
		}
	}
	if (header)
		rk_out_str("doc\tsect\tline\tkind\ttext\n");
	rk_each_doc(argv + optind, argc - optind, &o, each, &c);
	free(c.buf);
	return rk_finish();
}
