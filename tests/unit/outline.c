/* Outline markers, final punctuation and sentence ends. */
#include "unit.h"
#include "internal.h"

static void
marker(const char *name, const char *s, int style, size_t len, int num)
{
	rk_marker m;
	int ok = rk_marker_at(s, strlen(s), &m);
	char buf[160];
	snprintf(buf, sizeof buf, "marker %s", name);
	CHECK(buf, ok && (int)m.style == style && m.len == len && m.num == num);
}

static void
no_marker(const char *name, const char *s)
{
	rk_marker m;
	char buf[160];
	snprintf(buf, sizeof buf, "no marker %s", name);
	CHECK(buf, !rk_marker_at(s, strlen(s), &m));
}

static void
sentence(const char *name, const char *s, const char *first)
{
	char buf[160], got[512];
	size_t k = rk_sentence_len(s, strlen(s));
	snprintf(buf, sizeof buf, "sentence %s", name);
	snprintf(got, sizeof got, "%.*s", (int)k, s);
	CHECK_STR(buf, got, first);
}

/* All the sentences of s cut by rk_sentence_at() (blanks between them
 * skipped, as rsplit does), joined by '|': the same as rk_sentence_len()
 * on each rest, where quotes close. */
static void
sentences(const char *name, const char *s, const char *want)
{
	char buf[160], got[1024], again[1024];
	size_t off = 0, n = strlen(s), g = 0, a = 0;
	rk_sentcut c = { 0 };
	rk_sentcut_init(&c, s, n);
	while (off < n) {
		size_t k = rk_sentence_at(&c, off), k2 = rk_sentence_len(s + off, n - off);
		g += (size_t)snprintf(got + g, sizeof got - g, "%s%.*s", off ? "|" : "", (int)k, s + off);
		a += (size_t)snprintf(again + a, sizeof again - a, "%s%.*s", off ? "|" : "", (int)k2, s + off);
		off += k;
		while (off < n && s[off] == ' ')
			off++;
	}
	rk_sentcut_free(&c);
	snprintf(buf, sizeof buf, "sentences %s", name);
	CHECK_STR(buf, got, want);
	snprintf(buf, sizeof buf, "sentences %s: as rk_sentence_len", name);
	CHECK_STR(buf, again, want);
}

int
main(void)
{
	/* openers never closed are plain characters (the cut is linear) */
	sentences("closed quotes", "他说：“好。”我们走。 “行！”", "他说：“好。”|我们走。|“行！”");
	sentences("IME slip repeated", "做到“两个维护“，很好。做到“两个维护“，很好。",
	          "做到“两个维护“，很好。|做到“两个维护“，很好。");
	sentences("unclosed openers", "“。“。“。", "“。|“。|“。");
	sentences("unclosed then closed", "“甲。“乙。”丙。", "“甲。|“乙。”|丙。");
	sentences("straight quote unclosed", "他说\"好。再见。", "他说\"好。|再见。");
	marker("一、", "一、主要工作", ST_HAN_DUN, 6, 1);
	marker("十二、", "十二、其他", ST_HAN_DUN, 9, 12);
	marker("二十一、", "二十一、其他", ST_HAN_DUN, 12, 21);
	marker("（三）", "（三）强化督促", ST_HAN_PAREN, 9, 3);
	marker("(十)", "(十)半角括号", ST_HAN_PAREN, 5, 10);
	marker("1.", "1.扎实开展", ST_NUM_DOT, 2, 1);
	marker("12．", "12．全角点", ST_NUM_DOT, 5, 12);
	marker("3、", "3、顿号", ST_NUM_DOT, 4, 3);
	marker("full-width ４.", "４.全角数字", ST_NUM_DOT, 4, 4);
	marker("（2）", "（2）括号数字", ST_NUM_PAREN, 7, 2);
	marker("①", "①圈码", ST_CIRCLED, 3, 1);
	marker("一是", "一是开展教育", ST_SHI, 6, 1);
	marker("十一是", "十一是其他", ST_SHI, 9, 11);
	marker("第三，", "第三，加强", ST_DI, 9, 3);
	marker("附件1", "附件1", ST_APPENDIX, 7, 1);
	marker("附件", "附件", ST_APPENDIX, 6, 0);
	marker("——", "——这五年，综合实力提升。", ST_DASH, 6, 0);
	no_marker("1.5万", "1.5万亿元");
	no_marker("2025年", "2025年是收官之年");
	no_marker("3个", "3个直属单位");
	no_marker("是否", "一是否定");
	no_marker("第一时间", "第一时间传达");
	no_marker("一体", "一体推进");
	no_marker("bare 2.", "2.");
	no_marker("（2021—2030年）", "（2021—2030年）规划");

	CHECK("final 。", rk_ends_final("好。", strlen("好。")));
	CHECK("final 。”", rk_ends_final("好。”", strlen("好。”")));
	CHECK("final ：", rk_ends_final("各位代表：", strlen("各位代表：")));
	CHECK("not final ”", !rk_ends_final("建设“清廉环保”", strlen("建设“清廉环保”")));
	CHECK("not final 2.5", !rk_ends_final("PM2.5", 5));
	CHECK("not final heading", !rk_ends_final("一、主要工作", strlen("一、主要工作")));

	sentence("plain", "第一句。第二句。", "第一句。");
	sentence("decimal", "增长37.8%。其次", "增长37.8%。");
	sentence("full-width decimal", "增长５．５％左右。其次", "增长５．５％左右。");
	sentence("marker dot", "1.扎实开展。然后", "1.扎实开展。");
	sentence("quoted end", "他说：“好。”然后走了。", "他说：“好。”");
	sentence("inside quote", "提出“一是学。二是做”要求。后", "提出“一是学。二是做”要求。");
	sentence("brackets", "（见附件。）正文。", "（见附件。）");
	sentence("semicolon", "甲；乙。", "甲；");
	sentence("exclaim+quote", "各位代表！刚刚", "各位代表！");
	sentence("unclosed quote", "提出“口号。后面没有闭合", "提出“口号。");
	sentence("no end", "没有句末标点", "没有句末标点");
	sentence("ascii", "Done. Next", "Done.");
	sentence("marker dot space", "1. 扎实开展。后", "1. 扎实开展。");
	sentence("url", "见www.gov.cn网站。后", "见www.gov.cn网站。");
	return unit_failed;
}
