/* rcount: counts of what reports say (quoted phrases, titles, numbered
 * slogans, pattern matches, listed terms, n-grams, words), per document,
 * per section or over the whole input; or the sum of earlier rcount
 * tables (-m).  See rcount(1). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "rkit.h"
#include "count.h"

enum mode { M_NONE, M_QUOTES, M_TITLES, M_SLOGANS, M_PATTERNS, M_NGRAMS, M_WORDS };
enum by { BY_DEFAULT, BY_ALL, BY_DOC, BY_SECT };

static const char usage_text[] =
	"usage: rcount [-q | -b | -s | -e REGEX... -f FILE... -w FILE... | -n N[-M] | -W -D FILE]\n"
	"              [--by doc|sect|all] [--sort count|key] [--top K] [--min N]\n"
	"              [-L N] [--max-keys N] [-a] [-N] [-E NAME] [--text COL [--id COL]] [FILE...]\n"
	"       rcount -m [--by doc|sect|all] [--sort count|key] [--top K] [--min N] [-N] [TSV...]\n";

static const char help_text[] =
	"Counts keys in Chinese reports; writes TSV: doc key count (--by sect: doc sect\n"
	"key count; --by all: key count), by count descending, then key.\n"
	"A FILE that is a PDF or a Word file (.docx .odt .doc) is read through pdftotext,\n"
	"pandoc or antiword where installed; see rkit(7).\n"
	"What is counted (one of; default -q):\n"
	"  -q, --quotes          phrases in “…” 「…」 『…』 \"…\"\n"
	"  -b, --titles          titles in 《…》\n"
	"  -s, --slogans         numbered slogans: 两个维护 三会一课 1+3+8\n"
	"  -e, --regex REGEX     matches of a PCRE2 pattern, or its first group (repeatable)\n"
	"  -f, --regex-file FILE patterns, one a line (repeatable)\n"
	"  -w, --terms FILE      terms, one a line, longest first (repeatable)\n"
	"  -n, --ngrams N[-M]    character n-grams of runs of Han characters\n"
	"  -W, --words           words, by a jieba dictionary given with -D\n"
	"  -D, --dict FILE       the dictionary for -W: \"word freq [tag]\" lines\n"
	"  -L, --max-len N       longest quoted phrase or title counted (default 50 characters)\n"
	"  -a, --all             count in page furniture, datelines and captions too\n"
	"Output:\n"
	"  --by doc|sect|all     per document (default), per section, or overall\n"
	"  --sort count|key      order within a document or section (default count)\n"
	"  --top K               the K most frequent keys of each document or section\n"
	"  --min N               keys counted at least N times\n"
	"  -m, --merge           sum rcount tables read from the operands\n"
	"  --max-keys N          most distinct keys held (default 50000000)\n"
	"  -N, --no-header       no header line\n"
	"      --csv             write CSV (RFC 4180 quoting) instead of TSV\n"
	"      --bom             start with a UTF-8 byte order mark (for Excel)\n"
	"      --line-buffered   write each row out as it is made\n"
	"  -E, --encoding NAME   decode input from NAME instead of detecting it\n"
	"      --text COL        input is TSV, one document a row, its text in column COL\n"
	"                        (a header name, or a number from 1)\n"
	"      --id COL          the column naming each document (default FILE:ROW)\n"
	"                        (other columns are not carried: counts add up over documents)\n"
	"  -h, --help            this help\n"
	"      --version         print the version\n";

/* ---- options and state ------------------------------------------------- */

struct regex {
	pcre2_code *code;
	const char *src;        /* for messages */
	int warned;             /* a match error was reported in this document */
};

static struct {
	enum mode mode;
	enum by by;
	int bykey, noheader, all_blocks;
	long top, min;
	size_t maxkeys, maxlen;
	int nlo, nhi;
	int merge;
	struct regex *re;
	int nre;
	rk_dict *terms, *dict;
	rk_seg *seg;
	rk_opts ropts;
} opt = { .maxkeys = 50000000, .maxlen = 50, .min = 1 };

static pcre2_match_data *match_data;
static pcre2_match_context *match_ctx;
static pcre2_jit_stack *jit_stack;

/* the table and what names its groups */
static rk_count table;
static rk_count sects;        /* --by sect: sect strings of this document, id = index */
static char *curdoc;          /* name of the document being counted */

/* A paragraph as the span finders see it: the text of its blocks, end to
 * end, and where each block starts with the group its keys go to. */
static struct {
	char *text;
	size_t len, cap;
	struct pblock { size_t off; unsigned grp; } *blk;
	size_t nblk, blkcap;
} para;

/* Spans never cross a paragraph end; a paragraph longer than this is cut
 * here (and spans across the cut are not found). */
enum { PARA_MAX = 4 << 20 };


/* ---- counting ----------------------------------------------------------- */

static unsigned
group_at(size_t off)
{
	size_t lo = 0, hi = para.nblk;
	if (opt.by != BY_SECT)
		return 0;
	/* the last block starting at or before off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (para.blk[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return para.nblk ? para.blk[lo].grp : 0;
}

static void
count_span(void *ctx, const char *k, size_t len, size_t off)
{
	(void)ctx;
	rk_count_add(&table, group_at(off), k, len, 1);
}

/* Keys of a block, counted in batches (rk_count_add_many); the text they
 * point into lives until the block is done. */
static rk_ckey batch[256];
static size_t nbatch;

static void
flush_batch(void)
{
	rk_count_add_many(&table, batch, nbatch);
	nbatch = 0;
}

static void
count_token(void *ctx, const char *k, size_t len, size_t off)
{
	(void)off;
	if (nbatch == sizeof batch / sizeof *batch)
		flush_batch();
	batch[nbatch].k = k;
	batch[nbatch].len = (uint32_t)len;
	batch[nbatch++].grp = *(unsigned *)ctx;
}

static void
count_word(void *ctx, const char *k, size_t len, size_t off)
{
	if (rk_is_wordlike(k, len))
		count_token(ctx, k, len, off);
}

static void
match_regex(struct regex *re, const char *s, size_t n)
{
	int rc = rk_find_regex(re->code, match_data, match_ctx, s, n, count_span, NULL);
	if (rc < 0 && !re->warned) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(rc, msg, sizeof msg);
		rk_fail("%s: -e %s: %s; matches after it not counted", curdoc, re->src, (char *)msg);
		re->warned = 1;
	}
}

/* The finders that see a whole paragraph: spans may run across blocks. */
static void
end_paragraph(void)
{
	int i;
	if (!para.len)
		goto done;
	switch (opt.mode) {
	case M_QUOTES:
		rk_find_quotes(para.text, para.len, opt.maxlen, count_span, NULL);
		break;
	case M_TITLES:
		rk_find_titles(para.text, para.len, opt.maxlen, count_span, NULL);
		break;
	case M_PATTERNS:
		for (i = 0; i < opt.nre; i++)
			match_regex(&opt.re[i], para.text, para.len);
		break;
	default:
		break;
	}
done:
	para.len = 0;
	para.nblk = 0;
}

/* The finders that see one block: keys end where blocks do (a heading's
 * title and the body after it on the line are different blocks). */
static void
count_block(const rk_block *b, unsigned grp)
{
	switch (opt.mode) {
	case M_SLOGANS:
		rk_find_slogans(b->text, b->len, count_token, &grp);
		break;
	case M_NGRAMS:
		rk_find_ngrams(b->text, b->len, opt.nlo, opt.nhi, count_token, &grp);
		break;
	case M_WORDS:
		rk_seg_cut(opt.seg, b->text, b->len, count_word, &grp);
		break;
	default:
		break;
	}
	if (opt.mode == M_PATTERNS && opt.terms)
		rk_find_terms(opt.terms, b->text, b->len, count_token, &grp);
	flush_batch();
}

static int
by_span(void)
{
	return opt.mode == M_QUOTES || opt.mode == M_TITLES || (opt.mode == M_PATTERNS && opt.nre);
}

static void
add_to_paragraph(const rk_block *b, unsigned grp)
{
	if (para.len + b->len > PARA_MAX)
		end_paragraph();
	if (para.len + b->len > para.cap) {
		para.cap = para.len + b->len > 2 * para.cap ? para.len + b->len : 2 * para.cap;
		para.text = rk_realloc(para.text, para.cap);
	}
	if (para.nblk == para.blkcap) {
		para.blkcap = para.blkcap ? 2 * para.blkcap : 64;
		para.blk = rk_realloc(para.blk, para.blkcap * sizeof *para.blk);
	}
	para.blk[para.nblk].off = para.len;
	para.blk[para.nblk++].grp = grp;
	memcpy(para.text + para.len, b->text, b->len);
	para.len += b->len;
}

/* ---- output -------------------------------------------------------------- */

static void
header(void)
{
	const char *h = opt.by == BY_ALL ? "key\tcount\n" : opt.by == BY_SECT ? "doc\tsect\tkey\tcount\n"
	                                                                  : "doc\tkey\tcount\n";
	if (!opt.noheader)
		rk_out_tsv(h, strlen(h));
}

/* Sums past LONG_MAX (rcount -m of huge counts) are held there: said
 * once per table, exit 1.  After rk_count_sort(). */
static void
report_saturated(const rk_count *c)
{
	size_t i, len, n = 0;
	const char *key;
	if (!c->saturated)
		return;
	for (i = 0; i < c->nsorted; i++)
		n += c->ent[i].n == LONG_MAX;
	key = rk_count_key(c, c->saturated_id, &len);
	rk_fail("count of '%.*s'%s over %ld: written as %ld", (int)(len < 200 ? len : 200), key,
	        n > 1 ? " and other keys" : "", LONG_MAX, LONG_MAX);
}

/* Keeps the entries that pass --min and --top (per group, by count), in
 * the order asked for. */
static void
select_entries(rk_count *c)
{
	size_t i, o = 0;
	long rank = 0;
	rk_count_sort(c, 0);
	report_saturated(c);
	for (i = 0; i < c->nsorted; i++) {
		if (i > 0 && c->ent[i].grp != c->ent[i - 1].grp)
			rank = 0;
		if (c->ent[i].n >= opt.min && (opt.top < 0 || rank < opt.top))
			c->ent[o++] = c->ent[i];
		rank++;
	}
	c->nsorted = o;
	if (opt.bykey)
		rk_centry_sort(c->ent, o, 1);
}

static void
report_dropped(const rk_count *c, const char *doc)
{
	if (!c->dropped)
		return;
	if (doc)
		rk_fail("%s: more than %zu distinct keys (--max-keys): %ld occurrences not counted", doc,
		        opt.maxkeys, c->dropped);
	else
		rk_fail("more than %zu distinct keys (--max-keys): %ld occurrences not counted",
		        opt.maxkeys, c->dropped);
}

/* The rows of the table that pass --min and --top, each after the
 * columns that lead() writes for its group. */
static void
write_rows(void (*lead)(unsigned grp))
{
	size_t i;
	select_entries(&table);
	for (i = 0; i < table.nsorted; i++) {
		const rk_centry *e = &table.ent[i];
		if (lead)
			lead(e->grp);
		rk_out_field(e->key, e->len);
		rk_out_tab();
		rk_out_long(e->n);
		rk_out_nl();
	}
}

static void
doc_columns(unsigned grp)
{
	rk_out_field(curdoc, strlen(curdoc));
	rk_out_tab();
	if (opt.by == BY_SECT) {
		size_t len;
		const char *sect = rk_count_key(&sects, grp, &len);
		rk_out_field(sect, len);
		rk_out_tab();
	}
}

/* Writes the table of the current document (or, --by all, of all). */
static void
flush_doc(void)
{
	end_paragraph();
	if (!curdoc)
		return;
	report_dropped(&table, opt.by == BY_ALL ? NULL : curdoc);
	write_rows(opt.by == BY_ALL ? NULL : doc_columns);
	rk_count_clear(&table);
	rk_count_clear(&sects);
	free(curdoc);
	curdoc = NULL;
}

static void
count_doc(rk_reader *r, void *ctx)
{
	const rk_block *b;
	int inpara = 0, i;
	(void)ctx;
	while ((b = rk_next(r))) {
		unsigned grp = 0;
		const char *doc = b->doc ? b->doc : rk_docname(r);
		if (!curdoc || b->doc_start || strcmp(doc, curdoc) != 0) {
			/* TSV input holds many documents; --by all sums them */
			if (opt.by == BY_ALL)
				end_paragraph();
			else
				flush_doc();
			free(curdoc);
			curdoc = rk_alloc(strlen(doc) + 1);
			strcpy(curdoc, doc);
			for (i = 0; i < opt.nre; i++)
				opt.re[i].warned = 0;
			inpara = 0;
		}
		if (b->kind == RK_META && !opt.all_blocks) {
			/* page furniture ends a paragraph and belongs to none */
			end_paragraph();
			inpara = 0;
			continue;
		}
		if (opt.by == BY_SECT)
			grp = (unsigned)rk_count_add(&sects, 0, b->sect, strlen(b->sect), 1);
		if (by_span()) {
			if (b->para_start || !inpara)
				end_paragraph();
			add_to_paragraph(b, grp);
			inpara = 1;
		}
		count_block(b, grp);
	}
	if (opt.by != BY_ALL)
		flush_doc();
	else
		end_paragraph();
}

/* ---- merging ------------------------------------------------------------- */

/* Sums rcount tables.  The shape (2, 3 or 4 fields) is the first table's;
 * a header line is recognised and skipped.  Groups (doc, or doc and sect)
 * keep the order they first appear in, so merging the tables of chunks of
 * a corpus, in order, gives the table of the whole. */
static rk_count groups;        /* escaped "doc" or "doc\tsect", id = index */
static rk_merge merging = { &table, &groups, -1, 0 };

static void
merge_file(const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	long lineno = 0, bad = 0, firstbad = 0;

	if (!f) {
		rk_fail("%s: %s", path, strerror(errno));
		return;
	}
	merging.keep = opt.by == BY_ALL ? 0 : opt.by == BY_DOC ? 1 : -1;
	while ((got = getline(&line, &cap, f)) >= 0) {
		int k;
		lineno++;
		if (got > 0 && line[got - 1] == '\n')
			line[--got] = '\0';
		k = rk_merge_line(&merging, line, lineno == 1);
		if (k == RK_MERGE_SHAPE) {
			rk_fail("%s: rows of a different shape from the first table's (%s): file skipped",
			        path, rk_merge_header[merging.fields]);
			break;
		}
		if (k == RK_MERGE_BAD && !bad++)
			firstbad = lineno;
	}
	if (ferror(f))
		rk_fail("%s: %s", path, strerror(errno));
	if (bad)
		rk_fail("%s: line %ld: not a row of %d fields ending in a count (lines skipped: %ld)",
		        path, firstbad, merging.fields, bad);
	free(line);
	if (f != stdin)
		fclose(f);
}

static void
group_columns(unsigned grp)
{
	/* doc, or doc and sect, already escaped as read */
	size_t len;
	const char *g = rk_count_key(&groups, grp, &len);
	rk_out_tsv(g, len);
	rk_out_tab();
}

static void
merge(char **files, int n)
{
	int k;
	rk_count_init(&groups, 0);
	if (n == 0)
		merge_file("-");
	for (k = 0; k < n; k++)
		merge_file(files[k]);
	if (!merging.fields)
		merging.fields = opt.by == BY_ALL ? 2 : opt.by == BY_SECT ? 4 : 3;
	if (opt.by == BY_DEFAULT)
		opt.by = merging.fields == 2 ? BY_ALL : merging.fields == 3 ? BY_DOC : BY_SECT;
	if ((opt.by == BY_SECT && merging.fields < 4) || (opt.by == BY_DOC && merging.fields < 3))
		rk_die(2, "--by %s: the input has no %s column", opt.by == BY_SECT ? "sect" : "doc",
		       opt.by == BY_SECT ? "sect" : "doc");
	header();
	report_dropped(&table, NULL);
	write_rows(opt.by == BY_ALL ? NULL : group_columns);
}

/* ---- setting up ------------------------------------------------------------ */

static void
add_regex(const char *src, size_t len, const char *where)
{
	int err;
	PCRE2_SIZE erroff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, len, RK_REGEX_OPTIONS, &err, &erroff,
	                                 NULL);
	char *copy;
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		rk_die(2, "%s: %s at offset %zu", where, (char *)msg, (size_t)erroff);
	}
	/* without JIT (not built in, or no executable memory) it still works */
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	copy = rk_alloc(len + 1);
	memcpy(copy, src, len);
	copy[len] = '\0';
	opt.re = rk_realloc(opt.re, (size_t)(opt.nre + 1) * sizeof *opt.re);
	opt.re[opt.nre].code = code;
	opt.re[opt.nre].src = copy;
	opt.re[opt.nre++].warned = 0;
}

static void
add_regex_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, where[512];
	size_t cap = 0;
	ssize_t got;
	long lineno = 0;
	if (!f)
		rk_die(2, "%s: %s", path, strerror(errno));
	while ((got = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			got--;
		if (got == 0)
			continue;
		snprintf(where, sizeof where, "%.400s: line %ld", path, lineno);
		add_regex(line, (size_t)got, where);
	}
	/* a directory opens, then fails to read (EISDIR) */
	if (ferror(f))
		rk_die(2, "%s: %s", path, strerror(errno));
	free(line);
	fclose(f);
}

static void
load_dict(rk_dict **d, const char *path, int withfreq)
{
	char err[256];
	if (!*d)
		*d = rk_dict_new();
	if (rk_dict_load(*d, path, withfreq, err, sizeof err) < 0)
		rk_die(2, "%s: %s", path, err);
}

static void
set_mode(enum mode m)
{
	if (opt.mode != M_NONE && opt.mode != m)
		rk_usage("choose one of -q -b -s -e/-f/-w -n -W");
	opt.mode = m;
}

static void
parse_ngrams(const char *s)
{
	char *end;
	long lo, hi;
	errno = 0;
	lo = strtol(s, &end, 10);
	hi = lo;
	if (*end == '-' && end[1])
		hi = strtol(end + 1, &end, 10);
	if (errno || end == s || *end || *s < '0' || *s > '9' || lo < 1 || hi < lo || hi > 16)
		rk_usage("bad -n %s: want N or N-M with 1 <= N <= M <= 16", s);
	opt.nlo = (int)lo;
	opt.nhi = (int)hi;
}

int
main(int argc, char **argv)
{
	enum { O_BY = 256, O_SORT, O_TOP, O_MIN, O_MAXKEYS, O_VERSION, O_TEXT, O_ID };
	static const struct option longopts[] = {
		{ "quotes", no_argument, NULL, 'q' },
		{ "titles", no_argument, NULL, 'b' },
		{ "slogans", no_argument, NULL, 's' },
		{ "regex", required_argument, NULL, 'e' },
		{ "regex-file", required_argument, NULL, 'f' },
		{ "terms", required_argument, NULL, 'w' },
		{ "ngrams", required_argument, NULL, 'n' },
		{ "words", no_argument, NULL, 'W' },
		{ "dict", required_argument, NULL, 'D' },
		{ "max-len", required_argument, NULL, 'L' },
		{ "all", no_argument, NULL, 'a' },
		{ "by", required_argument, NULL, O_BY },
		{ "sort", required_argument, NULL, O_SORT },
		{ "top", required_argument, NULL, O_TOP },
		{ "min", required_argument, NULL, O_MIN },
		{ "merge", no_argument, NULL, 'm' },
		{ "max-keys", required_argument, NULL, O_MAXKEYS },
		{ "no-header", no_argument, NULL, 'N' },
		RK_OUT_LONGOPTS,
		{ "encoding", required_argument, NULL, 'E' },
		{ "text", required_argument, NULL, O_TEXT },
		{ "id", required_argument, NULL, O_ID },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	const char *dictpath = NULL;
	int c, i;

	rk_init(argv[0]);
	opt.top = -1;
	while ((c = rk_getopt(argc, argv, "qbse:f:w:n:WD:L:amNE:h", longopts)) != -1) {
		switch (c) {
		case 'q': set_mode(M_QUOTES); break;
		case 'b': set_mode(M_TITLES); break;
		case 's': set_mode(M_SLOGANS); break;
		case 'e':
			set_mode(M_PATTERNS);
			{
				char where[64];
				snprintf(where, sizeof where, "-e %.40s", optarg);
				add_regex(optarg, strlen(optarg), where);
			}
			break;
		case 'f': set_mode(M_PATTERNS); add_regex_file(optarg); break;
		case 'w': set_mode(M_PATTERNS); load_dict(&opt.terms, optarg, 0); break;
		case 'n': set_mode(M_NGRAMS); parse_ngrams(optarg); break;
		case 'W': set_mode(M_WORDS); break;
		case 'D': dictpath = optarg; break;
		case 'L': opt.maxlen = (size_t)rk_number(optarg, "-L", 1, LONG_MAX); break;
		case 'a': opt.all_blocks = 1; break;
		case 'm': opt.merge = 1; break;
		case 'N': opt.noheader = 1; break;
		case RK_OPT_CSV: case RK_OPT_BOM: case RK_OPT_LINE_BUFFERED: rk_out_option(c); break;
		case 'E': opt.ropts.encoding = optarg; break;
		case O_TEXT: opt.ropts.text_col = optarg; break;
		case O_ID: opt.ropts.id_col = optarg; break;
		case O_BY:
			if (strcmp(optarg, "doc") == 0) opt.by = BY_DOC;
			else if (strcmp(optarg, "sect") == 0) opt.by = BY_SECT;
			else if (strcmp(optarg, "all") == 0) opt.by = BY_ALL;
			else rk_usage("bad --by %s: want doc, sect or all", optarg);
			break;
		case O_SORT:
			if (strcmp(optarg, "count") == 0) opt.bykey = 0;
			else if (strcmp(optarg, "key") == 0) opt.bykey = 1;
			else rk_usage("bad --sort %s: want count or key", optarg);
			break;
		case O_TOP: opt.top = rk_number(optarg, "--top", 0, LONG_MAX); break;
		case O_MIN: opt.min = rk_number(optarg, "--min", 1, LONG_MAX); break;
		case O_MAXKEYS: opt.maxkeys = (size_t)rk_number(optarg, "--max-keys", 1, LONG_MAX); break;
		case 'h': fputs(usage_text, stdout); rk_print_exit(help_text);
		case O_VERSION: rk_print_exit("rcount (rkit) " RKIT_VERSION "\n");
		default: rk_usage("unhandled option");   /* rk_getopt() handles bad ones */
		}
	}
	argc -= optind;
	argv += optind;

	rk_count_init(&table, opt.maxkeys);
	if (opt.merge) {
		if (opt.mode != M_NONE || dictpath || opt.ropts.encoding || opt.ropts.text_col)
			rk_usage("-m reads rcount tables: no -q -b -s -e -f -w -n -W -D -E --text with it");
		merge(argv, argc);
		return rk_finish();
	}
	rk_check_columns(&opt.ropts);
	if (opt.mode == M_NONE)
		opt.mode = M_QUOTES;
	if (opt.mode == M_WORDS && !dictpath)
		rk_usage("-W needs a dictionary: -D FILE, e.g. the dict.txt of Debian's python3-jieba");
	if (dictpath && opt.mode != M_WORDS)
		rk_usage("-D goes with -W");
	if (opt.ropts.encoding && !rk_encoding_ok(opt.ropts.encoding))
		rk_usage("unknown encoding '%s'", opt.ropts.encoding);
	if (opt.mode == M_WORDS) {
		load_dict(&opt.dict, dictpath, 1);
		rk_dict_build(opt.dict);
		opt.seg = rk_seg_new(opt.dict);
	}
	if (opt.terms)
		rk_dict_build(opt.terms);
	if (opt.nre) {
		uint32_t maxgroups = 0;
		for (i = 0; i < opt.nre; i++) {
			uint32_t g;
			pcre2_pattern_info(opt.re[i].code, PCRE2_INFO_CAPTURECOUNT, &g);
			if (g > maxgroups)
				maxgroups = g;
		}
		/* one match block and one JIT stack for every pattern and match */
		match_data = pcre2_match_data_create(maxgroups + 1, NULL);
		match_ctx = pcre2_match_context_create(NULL);
		jit_stack = pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, NULL);
		if (!match_data || !match_ctx)
			rk_die(1, "out of memory");
		if (jit_stack)
			pcre2_jit_stack_assign(match_ctx, NULL, jit_stack);
	}
	rk_count_init(&sects, 0);
	header();
	rk_each_doc(argv, argc, &opt.ropts, count_doc, NULL);
	if (opt.by == BY_ALL)
		flush_doc();
	return rk_finish();
}
