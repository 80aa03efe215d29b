/* The shape recognisers of lib/shape.c: page numbers, widths, letter-spacing,
 * the gaps that close, web furniture (outline.c). */
#include "unit.h"
#include "internal.h"

static void
page(const char *s, int want)
{
	char name[160];
	snprintf(name, sizeof name, "page number %s [%s]", want ? "yes" : "no", s);
	CHECK(name, rk_is_page_number(s, strlen(s)) == want);
}

static void
web(const char *s, int want)
{
	char name[200];
	snprintf(name, sizeof name, "furniture %s [%s]", want ? "yes" : "no", s);
	CHECK(name, rk_is_furniture(s, strlen(s)) == want);
}

int
main(void)
{
	static const char *const pages[] = {
		"—3—", "— 14 —", "- 3 -", "-3-", "－ 7 －", "第3页", "第 3 页", "第 3 页 共 12 页",
		"第3页/共12页", "共12页 第3页", "3/12", "3 / 12", "Page 3", "Page 3 of 12", "—１２—", NULL
	};
	static const char *const not_pages[] = {
		"3", "12/3", "第三页", "3月12日", "—这五年—", "- 3 - 4", "第3章", "2026年", "3-5", "1/2/3",
		"第3页的内容", "PM2.5", "", NULL
	};
	const char *const *p;
	for (p = pages; *p; p++)
		page(*p, 1);
	for (p = not_pages; *p; p++)
		page(*p, 0);
	CHECK("bare number 3", rk_is_bare_number("3", 1));
	CHECK("bare number not 3.5", !rk_is_bare_number("3.5", 3));

	/* half-columns: Han and full-width 4, digits 2, a space 1 */
	CHECK_INT("width 全市", rk_line_width("全市", strlen("全市")), 8);
	CHECK_INT("width 增长 5.4%，", rk_line_width("增长 5.4%，", strlen("增长 5.4%，")), 8 + 1 + 8 + 4);
	CHECK_INT("width “两个”", rk_line_width("“两个”", strlen("“两个”")), 16);
	CHECK_INT("width of a letter-spaced line without its spaces",
	          rk_line_width("范 型 老 人 家 食 堂", strlen("范 型 老 人 家 食 堂")), 28);

	CHECK_INT("letter-spaced every pair", rk_letter_spaced("范 型 老 人 家 食 堂 30 个 ，", strlen("范 型 老 人 家 食 堂 30 个 ，")), 2);
	CHECK_INT("letter-spaced every second pair",
	          rk_letter_spaced("过去 一年 很不 平凡 。在 以习 近平", strlen("过去 一年 很不 平凡 。在 以习 近平")), 1);
	CHECK_INT("not letter-spaced: a byline", rk_letter_spaced("上海市市长 龚 正", strlen("上海市市长 龚 正")), 0);
	CHECK_INT("not letter-spaced: 【字号：大 中 小】", rk_letter_spaced("【字号：大 中 小】", strlen("【字号：大 中 小】")), 0);

	CHECK("gap 达到 8500 closes when spaced", rk_gap_closes(U'到', '8', 1, 0));
	CHECK("gap 8500 亿 closes when spaced", rk_gap_closes('0', U'亿', 1, 0));
	CHECK("gap 达到 8500 stays in plain text", !rk_gap_closes(U'到', '8', 0, 0));
	CHECK("gap between Han stays when not letter-spaced", !rk_gap_closes(U'龚', U'正', 1, 0));
	CHECK("gap 86.3 % closes when letter-spaced", rk_gap_closes('3', '%', 0, 1));
	CHECK("gap between Latin words stays", !rk_gap_closes('M', 'a', 1, 1));

	web("上海市人民政府 无障碍 English 长者模式", 1);
	web("[1]上海市人民政府 [2]无障碍 [3]English [4]长者模式", 1);
	web("您好，欢迎访问青岚市人民政府门户网站！ 无障碍 | 长者模式 | 繁體 | 登录 | English", 1);
	web("  • 首页", 1);
	web("-   政务公开", 1);
	web("请输入关键词______________ (BUTTON) 搜索", 1);
	web("[请输入关键词  ]搜索", 1);
	web("【打印】【关闭】【收藏】", 1);
	web("当前位置：首页 > 政务公开 > 政府工作报告", 1);
	web("您当前的位置：首页 > 政务公开", 1);
	web("==========", 1);
	web("来源：上海日报　发布时间：2026-02-02 09:20　浏览次数：54744　【字号：大 中 小】 打印", 1);
	web("一、2025年工作回顾", 0);
	web("* 全市完成投资8.6亿元，增长12.4%。", 0);
	web("2026年上海市政府工作报告", 0);
	web("上海市市长 龚 正", 0);
	web("搜索引擎优化工作全面推进，新增门户网站栏目12个。", 0);
	CHECK("tail: ICP备", rk_is_tail_trigger("网站标识码：3100000000　沪ICP备12345678号", strlen("网站标识码：3100000000　沪ICP备12345678号")));
	CHECK("tail: References", rk_is_tail_trigger("References", 10));
	CHECK("not tail: a sentence with 备", !rk_is_tail_trigger("做好备汛工作。", strlen("做好备汛工作。")));
	return unit_failed;
}
