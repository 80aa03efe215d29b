/* The reader on small documents: joining, positions, outline, encodings. */
#include <iconv.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "rkit.h"

static char path[] = "/tmp/rkit-unit-XXXXXX";

static void
put(const char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
}

/* blocks as "kind sect line:col text" lines; entries add "<level marker|title>" */
static char *
blocks(const char *enc)
{
	static char out[1 << 16];
	size_t o = 0;
	rk_opts opts = { 0 };
	rk_reader *r;
	const rk_block *b;
	opts.encoding = enc;
	out[0] = '\0';
	if (!(r = rk_open(path, &opts)))
		return out;
	while ((b = rk_next(r)) != NULL && o < sizeof out - 512) {
		long line, col;
		rk_pos(b, 0, &line, &col);
		if (line != b->line)
			o += (size_t)snprintf(out + o, sizeof out - o, "(line %ld != rk_pos %ld) ", b->line, line);
		/* every sect starts with its sign; the cases show what follows */
		if (strncmp(b->sect, RK_SECT_SIGN, sizeof RK_SECT_SIGN - 1) != 0)
			o += (size_t)snprintf(out + o, sizeof out - o, "(sect without its sign) ");
		o += (size_t)snprintf(out + o, sizeof out - o, "%s %s %ld:%ld %.*s", rk_kind_name[b->kind],
		                      b->sect + (sizeof RK_SECT_SIGN - 1) * !strncmp(b->sect, RK_SECT_SIGN, sizeof RK_SECT_SIGN - 1),
		                      line, col, (int)b->len, b->text);
		if (b->entry)
			o += (size_t)snprintf(out + o, sizeof out - o, " <%d %.*s|%.*s>", b->level,
			                      (int)b->marker_len, b->text, (int)b->title_len, b->text + b->title_off);
		out[o++] = '\n';
		out[o] = '\0';
	}
	rk_close(r);
	return out;
}

static void
doc(const char *name, const char *text, const char *want)
{
	put(text, strlen(text));
	CHECK_STR(name, blocks(NULL), want);
}

/* the position of the first occurrence of needle in the first block that has it */
static void
pos(const char *name, const char *text, const char *needle, long line, long col)
{
	rk_reader *r;
	const rk_block *b;
	long l = -1, c = -1;
	put(text, strlen(text));
	r = rk_open(path, NULL);
	while (r && (b = rk_next(r)) != NULL) {
		const char *p = memmem(b->text, b->len, needle, strlen(needle));
		if (p) {
			rk_pos(b, (size_t)(p - b->text), &l, &c);
			break;
		}
	}
	rk_close(r);
	{
		char buf[200];
		snprintf(buf, sizeof buf, "%s (%ld:%ld)", name, l, c);
		CHECK(buf, l == line && c == col);
	}
}

static size_t
convert(const char *to, const char *s, char *out, size_t cap)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	char *ip = (char *)s, *op = out;
	size_t il = strlen(s), ol = cap;
	iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	return cap - ol;
}

int
main(void)
{
	static const char report[] =
		"市环境局2025年工作总结\n"
		"一、主要工作\n"
		"（一）总体思路。以改善质量为核心，推进治理。\n"
		"1.扎实开展教育。全年开展学习12次。\n"
		"大兴调查研究。市局印发了方案，形成调研报告15篇，推动问题解决。\n"
		"（二）存在问题\n"
		"一年来，成效明显。一是经济向好。二是民生改善。\n"
		"二、下一步打算\n";
	char big[4096];
	size_t n;
	int fd = mkstemp(path);
	close(fd);

	doc("outline", report,
	    "title 0 1:0 市环境局2025年工作总结 <0 |市环境局2025年工作总结>\n"
	    "heading 1 2:0 一、主要工作 <1 一、|主要工作>\n"
	    "heading 1.1 3:0 （一）总体思路。 <2 （一）|总体思路>\n"
	    "para 1.1 3:8 以改善质量为核心，推进治理。\n"
	    "heading 1.1.1 4:0 1.扎实开展教育。 <3 1.|扎实开展教育>\n"
	    "para 1.1.1 4:9 全年开展学习12次。\n"
	    "para 1.1.1.1 5:0 大兴调查研究。市局印发了方案，形成调研报告15篇，推动问题解决。 <4 |大兴调查研究>\n"
	    "heading 1.2 6:0 （二）存在问题 <2 （二）|存在问题>\n"
	    "para 1.2 7:0 一年来，成效明显。\n"
	    "item 1.2.1 7:9 一是经济向好。 <3 一是|经济向好>\n"
	    "item 1.2.2 7:16 二是民生改善。 <3 二是|民生改善>\n"
	    "heading 2 8:0 二、下一步打算 <1 二、|下一步打算>\n");

	doc("first style seen is level 1",
	    "（一）甲方面\n正文一。\n1.小项\n正文二。\n（二）乙方面\n",
	    "heading 1 1:0 （一）甲方面 <1 （一）|甲方面>\n"
	    "para 1 2:0 正文一。\n"
	    "heading 1.1 3:0 1.小项 <2 1.|小项>\n"
	    "para 1.1 4:0 正文二。\n"
	    "heading 2 5:0 （二）乙方面 <1 （二）|乙方面>\n");

	doc("appendix starts a branch; glossary entries are not headings",
	    "一、工作\n正文。\n（一）细项\n正文。\n附件1\n名词解释\n1.“四上”企业：规模以上企业的统称。\n2.“两新”：设备更新和以旧换新。\n",
	    "heading 1 1:0 一、工作 <1 一、|工作>\n"
	    "para 1 2:0 正文。\n"
	    "heading 1.1 3:0 （一）细项 <2 （一）|细项>\n"
	    "para 1.1 4:0 正文。\n"
	    "heading 2 5:0 附件1名词解释 <1 附件1|名词解释>\n"
	    "para 2 7:0 1.“四上”企业：规模以上企业的统称。\n"
	    "para 2 8:0 2.“两新”：设备更新和以旧换新。\n");

	doc("a list of attachments is not a run of headings",
	    "一、工作\n正文。\n附件：1.指标表\n2.项目清单\n附件1\n指标表\n（一）环境类。道路完好率95%。\n",
	    "heading 1 1:0 一、工作 <1 一、|工作>\n"
	    "para 1 2:0 正文。\n"
	    "para 1 3:0 附件：1.指标表\n"
	    "para 1 4:0 2.项目清单\n"
	    "heading 2 5:0 附件1指标表 <1 附件1|指标表>\n"
	    "heading 2.1 7:0 （一）环境类。 <2 （一）|环境类>\n"
	    "para 2.1 7:7 道路完好率95%。\n");

	doc("furniture, dateline, byline, caption",
	    "下载\n打印\n【字号：\n】\n2026年某市政府工作报告\n——2026年1月5日在某市人民代表大会上\n来源：某日报\n市长 张三\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n踔厉奋发 创建模范机关\n今年以来，我们聚焦目标要求，推动工作深度融合。\n环保设施开放日\n相关报道：\n",
	    "meta 0 1:0 下载\nmeta 0 2:0 打印\nmeta 0 3:0 【字号：\nmeta 0 4:0 】\n"
	    "title 0 5:0 2026年某市政府工作报告 <0 |2026年某市政府工作报告>\n"
	    "meta 0 6:0 ——2026年1月5日在某市人民代表大会上\n"
	    "meta 0 7:0 来源：某日报\n"
	    "meta 0 8:0 市长 张三\n"
	    "para 0 9:0 各位代表：\n"
	    "para 0 10:0 现在，我代表市人民政府，向大会报告工作，请予审议。\n"
	    "heading 1 11:0 踔厉奋发 创建模范机关 <1 |踔厉奋发 创建模范机关>\n"
	    "para 1 12:0 今年以来，我们聚焦目标要求，推动工作深度融合。\n"
	    "meta 1 13:0 环保设施开放日\n"
	    "meta 1 14:0 相关报道：\n");

	doc("broken lines are rejoined",
	    "全市空气质量持续改善，PM\n2.5\n年平均浓度下降。\n大抓项目建设。制定了措施，开展服务\n\n单，实行点对点服务。\n（\n三）改革开放持续深化。\n",
	    "para 0 1:0 全市空气质量持续改善，PM2.5年平均浓度下降。\n"
	    "para 1 4:0 大抓项目建设。制定了措施，开展服务单，实行点对点服务。 <1 |大抓项目建设>\n"
	    "heading 2 7:0 （三）改革开放持续深化。 <1 （三）|改革开放持续深化>\n");

	doc("a heading is never joined to its body",
	    "（一）坚持政治统领，践行“两个维护”更加坚决\n在党建工作方面，及时召开全面从严治党大会，签订责任书。\n",
	    "heading 1 1:0 （一）坚持政治统领，践行“两个维护”更加坚决 <1 （一）|坚持政治统领，践行“两个维护”更加坚决>\n"
	    "para 1 2:0 在党建工作方面，及时召开全面从严治党大会，签订责任书。\n");

	pos("column after indentation", "　　一、总体要求\n", "总体", 1, 4);
	pos("column after a zero-width space", "开展\xE2\x80\x8B学习9次。\n", "9次", 1, 5);
	pos("line after a join", "空气质量改善，PM\n2.5\n年平均浓度下降。\n", "年平均", 3, 0);
	pos("column inside a joined line", "空气质量改善，PM\n2.5\n年平均浓度下降8%。\n", "8%", 3, 7);
	/* the zero-width character's anchor must go with the blanks after it,
	 * or it lands in the joined text of the next line (a fuzz finding) */
	pos("zero-width among trailing blanks, then a join",
	    "空气质量改善，PM\xE2\x80\x8B\f \n2.5\n年平均浓度下降8%。\n", "8%", 3, 7);
	pos("zero-width among trailing blanks", "第一段\xE2\x80\x8B\f\f\n第二段有12次。\n", "12", 2, 4);
	pos("CRLF lines", "第一段。\r\n第二段有12次。\r\n", "12", 2, 4);
	pos("CR lines", "第一段。\r第二段有12次。\r", "12", 2, 4);

	/* encodings: the same blocks from every form */
	{
		const char *want;
		put(report, strlen(report));
		want = strdup(blocks(NULL));
		n = convert("GB18030", report, big, sizeof big);
		put(big, n);
		CHECK_STR("GB18030 detected", blocks(NULL), want);
		big[0] = '\xFF'; big[1] = '\xFE';
		n = convert("UTF-16LE", report, big + 2, sizeof big - 2) + 2;
		put(big, n);
		CHECK_STR("UTF-16LE with BOM", blocks(NULL), want);
		n = convert("UTF-16BE", report, big, sizeof big);
		put(big, n);
		CHECK_STR("UTF-16BE without BOM, forced", blocks("UTF-16BE"), want);
		big[0] = '\xEF'; big[1] = '\xBB'; big[2] = '\xBF';
		memcpy(big + 3, report, strlen(report));
		put(big, strlen(report) + 3);
		CHECK_STR("UTF-8 with BOM", blocks(NULL), want);
		free((void *)want);
	}
	{
		static const char bad[] = "好\xFF\xFE的。\n第二行\x00有NUL。\n";
		put(bad, sizeof bad - 1);
		CHECK_STR("invalid UTF-8 and NUL become U+FFFD", blocks(NULL),
		          "para 0 1:0 好\xEF\xBF\xBD\xEF\xBF\xBD的。\npara 0 2:0 第二行\xEF\xBF\xBD有NUL。\n");
	}
	{
		/* a 600 KiB line comes out in pieces that keep every byte */
		size_t len = 600 * 1024, got = 0, i;
		char *s = malloc(len + 1);
		rk_reader *r;
		const rk_block *b;
		int pieces = 0, first_start = -1, later_start = 0;
		for (i = 0; i + 3 <= len; i += 3)
			memcpy(s + i, i % 300 == 297 ? "。" : "字", 3);
		len = i;
		s[len] = '\n';
		put(s, len + 1);
		r = rk_open(path, NULL);
		while ((b = rk_next(r)) != NULL) {
			got += b->len;
			if (pieces++ == 0)
				first_start = b->para_start;
			else
				later_start |= b->para_start;
		}
		rk_close(r);
		CHECK_INT("long line: bytes kept", (long long)got, (long long)len);
		CHECK("long line: in pieces, one paragraph", pieces >= 2 && first_start == 1 && !later_start);
		free(s);
	}
	/* rk_next_line() gives a pointer, never NULL, for an empty first line
	 * of a doc-per-row stream (the fuzz target docs found memchr(NULL, …, 0)
	 * on one) */
	{
		const char *s;
		size_t len;
		long line, col0;
		int newdoc, lines = 0, null = 0;
		rk_reader *r;
		rk_opts o = { 0 };
		o.text_col = "3";    /* rows of a table, the text in column 3, the first one empty */
		o.carry = 1;
		put("a\tb\t\nc\td\t甲\n", strlen("a\tb\t\nc\td\t甲\n"));
		r = rk_open(path, &o);
		while (r && rk_next_line(r, &s, &len, &line, &col0, &newdoc)) {
			lines++;
			null |= s == NULL;
		}
		rk_close(r);
		CHECK("rk_next_line: an empty first line is \"\", not NULL", lines >= 1 && !null);
	}
	unlink(path);
	return unit_failed;
}
