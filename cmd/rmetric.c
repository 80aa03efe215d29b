/* rmetric: every stated amount in a report, one TSV row each. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rkit.h"
#include "metric.h"

static const char usage_text[] =
"usage: rmetric [-acNr] [-u LIST] [-U FILE] [-E ENCODING] [--text COL [--id COL]] [FILE...]\n"
"       rmetric --rules\n"
"Write every amount stated in each report as a TSV row:\n"
"doc sect line col text value unit approx dir subject stance period [clause] [why]\n"
"[rule].\n"
"A FILE that is a PDF or a Word file (.docx .odt .doc) is read through pdftotext,\n"
"pandoc or antiword where installed; see rkit(7).\n"
"\n"
"  -u, --unit LIST      keep only amounts in these units (comma-separated: 次,%,元)\n"
"  -U, --units FILE     extra measure words or units, one a line\n"
"  -a, --all            also write the numbers ruled out, with a why column\n"
"                       (year date ordinal code slogan marker word rate nounit\n"
"                       title group meta)\n"
"  -c, --context        add the clause holding the amount as a column\n"
"  -r, --rule           add a column naming the rule that decided each row\n"
"      --rules          list the rules in the order they are tried, with their\n"
"                       examples (rule why example), and exit\n"
"  -E, --encoding NAME  read input in this encoding (any iconv name); default: detect\n"
"      --text COL       input is TSV, one document per row in column COL (a name\n"
"                       from the header, or a number from 1 for rows without one)\n"
"      --id COL         the column naming each document (default: FILE:ROW)\n"
"                       (other columns before COL go on at the end of every row)\n"
"  -N, --no-header      do not write the header line\n"
"      --csv            write CSV (RFC 4180 quoting) instead of TSV\n"
"      --bom            start with a UTF-8 byte order mark (for Excel)\n"
"      --line-buffered  write each row out as it is made (live pipelines)\n"
"  -h, --help           show this help\n"
"      --version        show the version\n"
"\n"
"Columns: doc, sect (outline position: §1.10), line and col (where the amount\n"
"starts in the source: 1-based line, 0-based character), text (as written),\n"
"value (plain decimal, 万/亿 applied; if redacted, missing: \\N, empty in CSV),\n"
"unit (folded: ％->%), approx (余 多 约 超 以上 ... as written), dir (+ growth,\n"
"- fall), subject (what is counted or changed), stance (actual, target or other),\n"
"period (the year or span: 2025, 2021-2025; empty if unknown), clause (-c),\n"
"why (-a), rule (-r).\n"
"See rmetric(1) and rkit(7).\n";

/* rk_pos() counts characters from the line's anchor on every call, which is
 * quadratic on a long line with many amounts; rows come in text order, so
 * count on from the last row instead.  Same answers as rk_pos(). */
struct cursor {
	const rk_block *b;
	size_t off, anchor;
	long line, col;
};

struct ctx {
	int all, context, rule;
	char **keep;        /* -u */
	int nkeep;
	rk_mscan sc;
	rk_ind ind;               /* stance and period */
	int year_warned;          /* "no report year" said for this document */
	struct cursor cursor;
	char *doc;                /* a copy of the current block's doc name, */
	size_t doclen;
	char *docfield;           /* and that as a field (escaped) */
	size_t docfieldlen, sectlen;
	char *rowbuf;             /* row() puts a row together here */
	size_t rowcap;
	const char *carried;      /* the document's carried columns, each after a tab */
	size_t carriedlen;
};

static int
kept(const struct ctx *c, const char *unit)
{
	int i;
	if (c->nkeep == 0)
		return 1;
	for (i = 0; i < c->nkeep; i++)
		if (strcmp(c->keep[i], unit) == 0)
			return 1;
	return 0;
}

static void
pos(struct cursor *cu, const rk_block *b, size_t off, long *line, long *col)
{
	size_t o = b->textoff + off, i;
	const char *base = b->text - b->textoff;
	if (b->nanchors == 0 || cu->b != b || off < cu->off) {
		rk_pos(b, off, line, col);
		cu->b = b;
		cu->off = off;
		for (i = 0; i + 1 < b->nanchors && b->anchors[i + 1].off <= o; i++)
			;
		cu->anchor = i;
		cu->line = *line;
		cu->col = *col;
		return;
	}
	i = cu->anchor;
	while (i + 1 < b->nanchors && b->anchors[i + 1].off <= o)
		i++;
	if (i == cu->anchor) {
		cu->col += (long)rk_u8count(b->text + cu->off, off - cu->off);
	} else {
		cu->line = b->anchors[i].line;
		cu->col = b->anchors[i].col +
		          (long)rk_u8count(base + b->anchors[i].off, o - b->anchors[i].off);
	}
	cu->anchor = i;
	cu->off = off;
	*line = cu->line;
	*col = cu->col;
}

/* Nonzero if one of the eight bytes in x is a byte a field escapes. */
static inline int
special8(unsigned long long x)
{
	const unsigned long long ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
#define ZERO_BYTE(v) (((v) - ones) & ~(v) & high)
	return (ZERO_BYTE(x ^ ones * '\t') | ZERO_BYTE(x ^ ones * '\n') | ZERO_BYTE(x ^ ones * '\r') |
	        ZERO_BYTE(x ^ ones * '\\')) != 0;
#undef ZERO_BYTE
}

/* Copies a field with rkit's escapes (\t \n \r \\), as rk_out_field() writes
 * it; eight bytes at a time while none needs one. */
static char *
put_field(char *o, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s, *end = u + n;
	unsigned long long x;
	while (end - u >= 8) {
		memcpy(&x, u, 8);
		if (special8(x))
			break;
		memcpy(o, &x, 8);
		o += 8;
		u += 8;
	}
	while (u < end) {
		unsigned c = *u++;
		if (c > '\\' || (c != '\t' && c != '\n' && c != '\r' && c != '\\')) {
			*o++ = (char)c;
			continue;
		}
		*o++ = '\\';
		*o++ = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
	}
	return o;
}

/* A row is put together in one buffer and written with one rk_out(): the
 * per-field calls cost more than the fields. */
static void
row(struct ctx *c, const rk_block *b, const rk_amount *a, int meta)
{
	rk_when when = { RK_STANCE_NONE, 0, 0, 0 };
	long line, col;
	int why = meta ? RK_WHY_N : (int)a->why;
	size_t ulen = why == RK_WHY_NONE ? strlen(a->unit) : 0, need;
	rk_amount ca;
	char *o;

	pos(&c->cursor, b, a->off, &line, &col);
	if (!meta && a->why == RK_WHY_NONE) {
		rk_ind_amount(&c->ind, a, &when);
		if (when.needs_year && !c->year_warned) {
			rk_warn("%s: no report year found; period left empty where it depends on it",
			        b->doc);
			c->year_warned = 1;
		}
	}
	if (c->context) {
		ca = *a;
		rk_mscan_clause(&c->sc, &ca);
		a = &ca;
	}
	/* every byte of a field may double when escaped */
	need = c->docfieldlen + 2 * (a->len + ulen + a->approx_len + a->subj_len + a->subj2_len +
	            (c->context ? a->clause_len : 0)) +
	       c->sectlen + c->carriedlen + 3 * RK_DEC_MAX + 128;
	if (need > c->rowcap) {
		c->rowcap = need * 2;
		c->rowbuf = rk_realloc(c->rowbuf, c->rowcap);
	}
	memcpy(c->rowbuf, c->docfield, c->docfieldlen);
	o = c->rowbuf + c->docfieldlen;
	*o++ = '\t';
	memcpy(o, b->sect, c->sectlen);
	o += c->sectlen;
	*o++ = '\t';
	/* line >= 1 and col >= 0: plain integers in rk_dec_fmt() */
	o += rk_dec_fmt((rk_dec){ (unsigned long long)line, 0 }, o);
	*o++ = '\t';
	o += rk_dec_fmt((rk_dec){ (unsigned long long)col, 0 }, o);
	*o++ = '\t';
	o = put_field(o, b->text + a->off, a->len);
	*o++ = '\t';
	if (a->na) {
		memcpy(o, "\\N", 2);   /* redacted: COPY's missing value */
		o += 2;
	} else {
		o += rk_dec_fmt(a->v, o);
	}
	*o++ = '\t';
	if (why == RK_WHY_NONE) {
		o = put_field(o, a->unit, ulen);
		*o++ = '\t';
		o = put_field(o, b->text + a->approx_off, a->approx_len);
		*o++ = '\t';
		if (a->dir)
			*o++ = a->dir > 0 ? '+' : '-';
		*o++ = '\t';
		o = put_field(o, b->text + a->subj_off, a->subj_len);
		o = put_field(o, b->text + a->subj2_off, a->subj2_len);
		*o++ = '\t';
		memcpy(o, rk_stance_name[when.stance], strlen(rk_stance_name[when.stance]));
		o += strlen(rk_stance_name[when.stance]);
		*o++ = '\t';
		o += rk_when_fmt(&when, o);
	} else {
		memcpy(o, "\t\t\t\t\t", 5);
		o += 5;
	}
	if (c->context) {
		*o++ = '\t';
		o = put_field(o, b->text + a->clause_off, a->clause_len);
	}
	if (c->all) {
		const char *w = why == RK_WHY_N ? "meta" : rk_why_name[why];
		size_t wl = strlen(w);
		*o++ = '\t';
		memcpy(o, w, wl);
		o += wl;
	}
	if (c->rule) {
		/* a meta row's number is not tried against the rules */
		const char *w = meta || a->rule < 0 ? "meta" : rk_rules[a->rule].name;
		size_t wl = strlen(w);
		*o++ = '\t';
		memcpy(o, w, wl);
		o += wl;
	}
	memcpy(o, c->carried, c->carriedlen);
	o += c->carriedlen;
	*o++ = '\n';
	rk_out_tsv(c->rowbuf, (size_t)(o - c->rowbuf));
}

static void
each(rk_reader *r, void *vctx)
{
	struct ctx *c = vctx;
	const rk_block *b;
	rk_amount a;
	size_t k;

	rk_mscan_doc(&c->sc, c->all);
	while ((b = rk_next(r)) != NULL) {
		/* page furniture, datelines, bylines and captions hold no amounts;
		 * -a shows their numbers with why "meta" */
		int meta = b->kind == RK_META;
		if (b->doc_start) {
			rk_ind_doc(&c->ind);
			c->year_warned = 0;
		}
		/* every block, furniture too: a dateline gives the report's year */
		rk_ind_block(&c->ind, b);
		if (meta && !c->all) {
			rk_ind_end(&c->ind);
			continue;
		}
		rk_mscan_block(&c->sc, b->text, b->len, b->para_start);
		if (b->marks)   /* read ahead: where numerals may start is known */
			rk_mscan_use_marks(&c->sc, b->marks, b->nmarks);
		/* compared by content: TSV input may reuse the name's storage */
		k = strlen(b->doc);
		if (!c->doc || k != c->doclen || memcmp(b->doc, c->doc, k) != 0) {
			c->doc = rk_realloc(c->doc, k + 1);
			memcpy(c->doc, b->doc, k + 1);
			c->doclen = k;
			c->docfield = rk_realloc(c->docfield, 2 * k + 1);
			c->docfieldlen = (size_t)(put_field(c->docfield, b->doc, k) - c->docfield);
		}
		c->sectlen = strlen(b->sect);
		c->carried = rk_carried(r, &c->carriedlen);
		c->cursor.b = NULL;   /* the reader may reuse the block */
		while (rk_mscan_next(&c->sc, &a)) {
			/* -u keeps amounts only: ruled-out numbers have no unit */
			if (a.why != RK_WHY_NONE || meta) {
				if (c->nkeep == 0)
					row(c, b, &a, meta);
			} else if (kept(c, a.unit)) {
				row(c, b, &a, 0);
			}
		}
		rk_ind_end(&c->ind);
	}
}

/* --rules: the rule list, one row per example. */
static void
list_rules(void)
{
	size_t i;
	const char *const *e;
	rk_out_str("rule\twhy\texample\n");
	for (i = 0; i < rk_nrules; i++)
		for (e = rk_rules[i].examples; *e; e++) {
			rk_out_str(rk_rules[i].name);
			rk_out_tab();
			rk_out_str(rk_rules[i].why == RK_WHY_NONE ? "" : rk_why_name[rk_rules[i].why]);
			rk_out_tab();
			rk_out_field(*e, strlen(*e));
			rk_out_nl();
		}
}

/* Splits -u's comma list (ASCII or full-width commas) in place. */
static void
keep_units(struct ctx *c, char *list)
{
	char *s = list, *comma;
	for (;;) {
		char *full = strstr(s, "，");
		comma = strchr(s, ',');
		if (full && (!comma || full < comma)) {
			*full = 0;
			comma = full + 2;
		}
		if (comma)
			*comma = 0;
		if (*s) {
			c->keep = rk_realloc(c->keep, (size_t)(c->nkeep + 1) * sizeof *c->keep);
			/* keep the folded form: ％ -> % */
			c->keep[c->nkeep++] = strcmp(s, "％") == 0 ? "%" : s;
		}
		if (!comma)
			break;
		s = comma + 1;
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "unit", required_argument, NULL, 'u' },
		{ "units", required_argument, NULL, 'U' },
		{ "all", no_argument, NULL, 'a' },
		{ "context", no_argument, NULL, 'c' },
		{ "rule", no_argument, NULL, 'r' },
		{ "rules", no_argument, NULL, 'R' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "text", required_argument, NULL, 'T' },
		{ "id", required_argument, NULL, 'I' },
		{ "no-header", no_argument, NULL, 'N' },
		RK_OUT_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct ctx c;
	rk_opts o = { 0 };
	int header = 1, ch;
	static char head[256];

	memset(&c, 0, sizeof c);
	rk_init(argv[0]);
	while ((ch = rk_getopt(argc, argv, "u:U:acrE:Nh", longopts)) != -1) {
		switch (ch) {
		case 'u':
			keep_units(&c, optarg);
			if (c.nkeep == 0)
				rk_usage("-u: empty unit list");
			break;
		case 'U':
			if (rk_units_load(optarg) < 0)
				rk_die(2, "%s: %s", optarg, errno == EILSEQ ? "not UTF-8" : strerror(errno));
			break;
		case 'a': c.all = 1; break;
		case 'c': c.context = 1; break;
		case 'r': c.rule = 1; break;
		case 'R': list_rules(); return rk_finish();
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
		case 'V': rk_print_exit("rmetric (rkit) " RKIT_VERSION "\n");
		default: rk_usage("unhandled option");   /* rk_getopt() handles bad ones */
		}
	}
	rk_check_columns(&o);
	o.carry = 1;
	/* the second thread hands blocks over in batches: a live pipeline
	 * would wait for a batch to fill */
	o.ahead = !rk_live;
	o.prescan = rk_mscan_marks;
	if (header) {
		snprintf(head, sizeof head, "doc\tsect\tline\tcol\ttext\tvalue\tunit\tapprox\tdir\tsubject\tstance\tperiod%s%s%s",
		         c.context ? "\tclause" : "", c.all ? "\twhy" : "", c.rule ? "\trule" : "");
		o.header = head;
	}
	rk_each_doc(argv + optind, argc - optind, &o, each, &c);
	free(c.keep);
	free(c.rowbuf);
	free(c.doc);
	free(c.docfield);
	return rk_finish();
}
