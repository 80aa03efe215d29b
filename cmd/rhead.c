/* rhead: one row per outline entry (title, heading, item, lead). */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "rkit.h"

static const char usage_text[] =
"usage: rhead [-N] [-d N] [-k KINDS] [-E ENCODING] [--text COL [--id COL]] [FILE...]\n"
"Write the outline of each report as TSV: doc sect level line marker kind title.\n"
"A FILE that is a PDF or a Word file (.docx .odt .doc) is read through pdftotext,\n"
"pandoc or antiword where installed; see rkit(7).\n"
"\n"
"  -d, --depth N        keep entries of level N or less (the title is level 0)\n"
"  -k, --kinds LIST     keep these kinds, comma-separated: title,heading,item,lead\n"
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
"Columns: doc (the operand), sect (the place in the outline: §1.10), level, line\n"
"(1-based source line), marker (as written, empty if unnumbered), kind, title\n"
"(without marker and without the body that follows it on the line).\n"
"See rhead(1) and rkit(7).\n";

struct ctx {
	int depth;
	unsigned kinds;     /* bit per rk_entry */
};

static void
each(rk_reader *r, void *vctx)
{
	const struct ctx *c = vctx;
	const rk_block *b;
	const char *carried;
	size_t k;
	while ((b = rk_next(r)) != NULL) {
		if (b->entry == RK_E_NONE || !(c->kinds & 1u << b->entry) ||
		    (c->depth >= 0 && b->level > c->depth))
			continue;
		rk_out_field(b->doc, strlen(b->doc));
		rk_out_tab();
		rk_out_str(b->sect);
		rk_out_tab();
		rk_out_long(b->level);
		rk_out_tab();
		rk_out_long(b->line);
		rk_out_tab();
		rk_out_field(b->text, b->marker_len);
		rk_out_tab();
		rk_out_str(rk_entry_name[b->entry]);
		rk_out_tab();
		rk_out_field(b->text + b->title_off, b->title_len);
		carried = rk_carried(r, &k);
		rk_out_tsv(carried, k);
		rk_out_nl();
	}
}

static unsigned
parse_kinds(const char *list)
{
	unsigned k = 0;
	char *copy = rk_alloc(strlen(list) + 1), *tok, *save = NULL;
	strcpy(copy, list);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int e, found = 0;
		for (e = RK_E_TITLE; e <= RK_E_LEAD; e++)
			if (strcmp(tok, rk_entry_name[e]) == 0) {
				k |= 1u << e;
				found = 1;
			}
		if (!found)
			rk_usage("unknown kind '%s' (title, heading, item, lead)", tok);
	}
	free(copy);
	if (k == 0)
		rk_usage("-k: empty kind list");
	return k;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "depth", required_argument, NULL, 'd' },
		{ "kinds", required_argument, NULL, 'k' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "text", required_argument, NULL, 'T' },
		{ "id", required_argument, NULL, 'I' },
		{ "no-header", no_argument, NULL, 'N' },
		RK_OUT_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct ctx c = { -1, ~0u };
	rk_opts o = { 0 };
	int header = 1, ch;

	rk_init(argv[0]);
	while ((ch = rk_getopt(argc, argv, "d:k:E:Nh", longopts)) != -1) {
		switch (ch) {
		case 'd':
			/* deeper than any outline is every level */
			c.depth = (int)rk_number(optarg, "-d", 0, INT_MAX);
			break;
		case 'k': c.kinds = parse_kinds(optarg); break;
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
		case 'V': rk_print_exit("rhead (rkit) " RKIT_VERSION "\n");
		default: rk_usage("unhandled option");   /* rk_getopt() handles bad ones */
		}
	}
	rk_check_columns(&o);
	o.carry = 1;
	if (header)
		o.header = "doc\tsect\tlevel\tline\tmarker\tkind\ttitle";
	rk_each_doc(argv + optind, argc - optind, &o, each, &c);
	return rk_finish();
}
