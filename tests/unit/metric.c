/* The amount scanner on sentences written in the reports' style: what is
 * an amount (value, unit, approx, dir, subject) and what is ruled out. */
#include "unit.h"
#include "rkit.h"
#include "metric.h"

static char out[4096], out_marked[4096], differ[8400];

/* Amounts of one paragraph as "text=value unit [approx] [dir]" joined by "; ";
 * with all, ruled-out numbers as "text:why".  marked: the scan goes by the
 * offsets of rk_mscan_marks(), as when rmetric reads ahead. */
static const char *
scan_into(char out[4096], const char *s, int all, int subject, int marked)
{
	const size_t cap = 4096;
	rk_mscan sc;
	rk_amount a;
	size_t o = 0;
	static unsigned marks[4096];
	size_t nmarks = rk_mscan_marks(s, strlen(s), marks, 4096);
	rk_mscan_doc(&sc, all);
	rk_mscan_block(&sc, s, strlen(s), 1);
	if (marked && nmarks != (size_t)-1)
		rk_mscan_use_marks(&sc, marks, nmarks);
	out[0] = 0;
	while (rk_mscan_next(&sc, &a) && o < cap - 200) {
		char v[RK_DEC_MAX];
		if (o)
			o += (size_t)snprintf(out + o, cap - o, "; ");
		if (a.why != RK_WHY_NONE) {
			o += (size_t)snprintf(out + o, cap - o, "%.*s:%s", (int)a.len, s + a.off,
			                      rk_why_name[a.why]);
			continue;
		}
		if (a.na)
			snprintf(v, sizeof v, "NA");
		else
			rk_dec_fmt(a.v, v);
		o += (size_t)snprintf(out + o, cap - o, "%.*s=%s %s", (int)a.len, s + a.off, v,
		                      a.unit);
		if (a.approx_len)
			o += (size_t)snprintf(out + o, cap - o, " ~%.*s", (int)a.approx_len,
			                      s + a.approx_off);
		if (a.dir)
			o += (size_t)snprintf(out + o, cap - o, " %c", a.dir > 0 ? '+' : '-');
		if (subject)
			o += (size_t)snprintf(out + o, cap - o, " [%.*s%.*s]", (int)a.subj_len,
			                      s + a.subj_off, (int)a.subj2_len, s + a.subj2_off);
	}
	return out;
}

/* scan_into() both ways; a difference is shown in place of the answer */
static const char *
scan(const char *s, int all, int subject)
{
	scan_into(out, s, all, subject, 0);
	scan_into(out_marked, s, all, subject, 1);
	if (strcmp(out, out_marked) == 0)
		return out;
	snprintf(differ, sizeof differ, "%s, but by marks %s", out, out_marked);
	return differ;
}

/* rk_mscan_marks() on t with room for max: the offsets, s before a
 * sentence's start, or -1 */
static const char *
marks(const char *t, size_t max)
{
	static char got[256];
	unsigned m[64];
	size_t k = rk_mscan_marks(t, strlen(t), m, max), i;
	int o = 0;
	if (k == (size_t)-1)
		return "-1";
	got[0] = 0;
	for (i = 0; i < k; i++)
		o += snprintf(got + o, sizeof got - (size_t)o, "%s%s%u", i ? " " : "",
		              m[i] & RK_MARK_SENTENCE ? "s" : "", m[i] & ~RK_MARK_SENTENCE);
	return got;
}

#define AM(name, text, want) CHECK_STR(name, scan(text, 0, 0), want)
#define ALL(name, text, want) CHECK_STR(name, scan(text, 1, 0), want)
#define SUBJ(name, text, want) CHECK_STR(name, scan(text, 0, 1), want)

int
main(void)
{
	/* where the scan tries numerals, found ahead: digits, asterisks and
	 * numeral characters, whole characters, in order; too many is -1 */
	/* 第 3 季 度 增 长 一 成 * * ， ａ １ 。: the sentence starts after the 。 */
	CHECK_STR("marks: offsets", marks("第3季度增长一成**，ａ１。", 16), "3 16 22 23 30 s36");
	CHECK_STR("marks: more than max", marks("第3季度增长一成**，ａ１。", 4), "-1");
	/* 一 是 ； 二 是 ？ \n 3: each end marks the next sentence's start */
	CHECK_STR("marks: sentence starts", marks("一是；二是？\n3", 16), "0 s9 9 s18 s19 19");

	/* amounts, values, units */
	AM("count", "全年召开党组会23次，", "23次=23 次");
	AM("money 万元", "争取专项资金14614万元。", "14614万元=146140000 元");
	AM("money 亿元", "进出口总值1204.23亿元", "1204.23亿元=120423000000 元");
	AM("percent", "全市细颗粒物浓度为8.1%，", "8.1%=8.1 %");
	AM("fullwidth percent", "完成率达到９８．５％。", "９８．５％=98.5 %");
	AM("approx 多 between", "建立廉政档案400多份", "400多份=400 份 ~多");
	AM("approx 余 after 万", "募集善款34万余元", "34万余元=340000 元 ~余");
	AM("approx 万多", "惠及群众8万多人", "8万多人=80000 人 ~多");
	AM("approx 千余 bare", "服务企业千余家", "千余家=1000 家 ~余");
	AM("approx 超 before", "新增经营主体超4500家", "4500家=4500 家 ~超");
	AM("approx 近 before bare", "参与群众近万人", "万人=10000 人 ~近");
	AM("approx 左右 after unit", "增长５．５％左右", "５．５％左右=5.5 % ~左右 +");
	AM("approx 以上 after unit", "新增就业110万人以上", "110万人以上=1100000 人 ~以上");
	AM("approx 不少于", "每名党员学习不少于32学时", "32学时=32 学时 ~不少于");
	AM("approx infix 10余万", "带动就业10余万人", "10余万人=100000 人 ~余");
	AM("list of amounts", "改造供热、燃气管网800公里、600公里", "800公里=800 公里; 600公里=600 公里");
	AM("dir shared in list", "分别增长18.6%、13.4%", "18.6%=18.6 % +; 13.4%=13.4 % +");
	AM("约为…的 governs the number and its list", "强度分别约为全国平均的70%、60%。",
	   "70%=70 % ~约; 60%=60 % ~约");
	AM("no 约 before 的: exact", "强度分别为全国平均的70%、60%。", "70%=70 %; 60%=60 %");
	AM("约 of 签约 is no approximation", "项目签约3543亿元，", "3543亿元=354300000000 元");
	AM("a list after an exact amount stays exact", "约3%，全国平均的70%、60%。",
	   "3%=3 % ~约; 70%=70 %; 60%=60 %");
	AM("dir down", "事故起数下降18%", "18%=18 % -");
	AM("dir 收窄 to a level is not a change", "升幅收窄至8.1%", "8.1%=8.1 %");
	AM("dir 百分点", "入学率提高8个百分点", "8个百分点=8 百分点 +");
	AM("redacted", "开展谈话**次，覆盖**％的党员", "**次=NA 次; **％=NA %");
	AM("redacted name is not an amount", "*市*区", "");
	AM("compound unit", "浓度为35微克/立方米，", "35微克/立方米=35 微克/立方米");
	AM("compound unit fullwidth slash", "处理能力500吨／天", "500吨／天=500 吨/天");
	AM("compound 每", "收费标准20元每吨", "20元每吨=20 元/吨");
	AM("bracketed alternative", "筹集保障房3000套（间）", "3000套（间）=3000 套");
	AM("个月", "提前3个月完成", "3个月=3 个月");
	AM("duration 连续3年 is an amount", "连续3年获评先进", "3年=3 年");
	AM("提升四成 is an amount in 成", "效率提升四成", "四成=4 成 +");
	AM("cjk count", "开展两次廉政警示教育", "两次=2 次");
	AM("mixed numeral", "带动就业3万5千人", "3万5千人=35000 人");
	AM("万千瓦", "装机1200万千瓦", "1200万千瓦=12000000 千瓦");
	AM("range borrows the unit", "新建2—4家实验室", "2=2 家; 4家=4 家");
	AM("range of percents", "增长5%—5.5%", "5%=5 % +; 5.5%=5.5 %");
	AM("figure without unit", "空气质量综合指数3.51，", "3.51=3.51 ");
	AM("万 figure before a noun", "71.3万监测对象稳定消除风险", "71.3万=713000 ");
	AM("user-visible 人次", "“第一种形态”55人次", "55人次=55 人次");
	AM("Latin unit", "算力达4800PF，", "4800PF=4800 PF");
	AM("bare multiplier after 突破", "园区营业收入首次突破百亿元。", "百亿元=10000000000 元");
	AM("bare multiplier after 过", "外贸总额连续三年过万亿元，", "三年=3 年; 万亿元=1000000000000 元");
	AM("bare multiplier after 达到", "物流量达到千万吨规模", "千万吨=10000000 吨");
	ALL("bare multiplier before a noun stays a word", "万元产值能耗下降3%", "万:word; 3%=3 % -");
	AM("迈上 is a verb, not 上 the approximation", "经济总量迈上万亿元台阶", "万亿元=1000000000000 元");
	AM("上万 is an approximation", "参赛队伍上万支", "万支=10000 支 ~上");
	AM("翻两番", "服务贸易额比2020年翻两番", "两番=2 番");
	AM("a list's approximation written once after it", "分别增长5%、8%以上。", "5%=5 % ~以上 +; 8%以上=8 % ~以上 +");
	AM("not across another word", "增长5%、下降8%以上", "5%=5 % +; 8%以上=8 % ~以上 -");
	ALL("翻一番 is the article", "研发投入翻一番", "一:word");
	AM("标箱 folds to 标准箱", "集装箱吞吐量达到36万标箱", "36万标箱=360000 标准箱");
	ALL("a quoted list of durations naming a circle", "打造“市内半小时、城际1.5小时”交通圈", "1.5:slogan");

	/* calendar */
	ALL("year", "2023年，全局", "2023:year");
	ALL("cjk year", "到二〇三五年", "二〇三五:year");
	ALL("year range", "2021-2023年度", "2021:year; 2023:year");
	ALL("year range in brackets", "（2021—2030年）", "2021:year; 2030:year");
	ALL("date", "截至11月30日", "11:date; 30:date");
	ALL("month part", "9月份以来", "9:date");
	ALL("month end", "6月底前", "6:date");
	ALL("iso date", "时间：2026-02-03", "2026:year; 02:date; 03:date");
	ALL("quoted day", "开展“5.22”宣传", "5.22:date");
	ALL("quoted 25·7", "“25·7”特大暴雨", "25:date; 7:date");
	ALL("cjk day name", "六五环境日", "六五:date");
	ALL("time", "10时30分", "10:date; 30:date");
	ALL("五年来 is a period", "五年来，", "五:date");
	ALL("这五年 is a period", "这五年，", "五:date");
	ALL("关键五年 is a period", "今后是全面发力的关键五年。", "五:date");
	ALL("的五年 is a period", "这是攻坚克难、砥砺奋进的五年。", "五:date");
	AM("再奋斗五年 is a duration", "再奋斗五年，", "五年=5 年");
	ALL("ratio", "之比为2.9∶1", "2.9:code; 1:code");
	ALL("version", "首发经济3.0、", "3.0:code");

	/* ordinals, ranks */
	ALL("第九", "第九次全会", "九:ordinal");
	ALL("第一种形态", "第一种形态", "一:ordinal");
	ALL("二十大", "党的二十大精神", "二十:ordinal");
	ALL("十四五", "“十四五”规划", "十四五:ordinal");
	ALL("第18位", "居全国第18位", "18:ordinal");
	ALL("三级医院", "建成三级医院", "三:ordinal");
	ALL("局处两级 is a rank", "局处两级领导", "两:ordinal");
	ALL("届", "十一届九次全会", "十一:ordinal; 九:ordinal");
	ALL("500强", "世界500强企业", "500:ordinal");
	ALL("phase", "二期工程", "二:ordinal");

	/* codes */
	ALL("PM2.5", "PM2.5浓度", "2.5:code");
	ALL("O3 SO2", "O3和SO2", "3:code; 2:code");
	ALL("12345 hotline", "12345热线", "12345:code");
	ALL("5G", "建成5G基站", "5:code");
	ALL("4号线", "地铁4号线", "4:code");
	ALL("Z4线", "Z4线", "4:code");
	ALL("1+3+8", "构建1+3+8体系", "1:code; 3:code; 8:code");
	ALL("quoted 117项目", "“117项目”", "117:code");
	ALL("quoted 328", "“328”工程", "328:code");

	/* slogans */
	ALL("两个维护 unquoted", "做到两个维护", "两:slogan");
	ALL("四个意识 quoted", "增强“四个意识”", "四:slogan");
	ALL("三会一课", "落实三会一课制度", "三:slogan; 一:slogan");
	ALL("一岗双责", "落实一岗双责", "一:slogan");
	ALL("十项行动", "实施十项行动", "十:slogan");
	ALL("七个一 quoted", "“七个一”措施", "七:slogan; 一:slogan");
	ALL("两个清单", "两个清单管理", "两:slogan");
	AM("10个方案 is an amount", "制定我局10个落实方案", "10个=10 个");
	AM("19项重点任务 is an amount", "19项重点任务", "19项=19 项");
	ALL("三年行动 is a plan name", "实施三年行动", "三:slogan");

	/* markers and words */
	ALL("marker 一、", "一、强化引领力", "一:marker");
	ALL("marker （一）", "（一）总体思路", "一:marker");
	ALL("marker 1.", "1.扎实开展学习", "1:marker");
	ALL("marker 1、 inline", "具体如下：1、加强学习", "1:marker");
	ALL("marker 一是", "一是开展理论学习。二是开展教育", "一:marker; 二:marker");
	ALL("一 in words", "进一步统一思想，一线干部建设一批项目", "一:word; 一:word; 一:word; 一:word");
	ALL("一体化", "一体化推进", "一:word");
	ALL("第一时间", "第一时间", "一:ordinal");
	ALL("十分", "十分重要", "十:word");
	ALL("千方百计", "千方百计稳就业", "千:word; 百:word");
	ALL("数十 is vague", "数十个", "十:word");
	ALL("每周一次 is a rate", "每周一次", "一:word");
	ALL("每月两次 is a rate", "每月两次", "两:rate");
	ALL("每年1次 is a rate", "每年1次", "1:rate");
	ALL("place name", "三门峡市", "三:word");

	/* subjects */
	SUBJ("subject after measure word", "共有22个党支部", "22个=22 个 [党支部]");
	/* the verb that holds or organises goes (召开 开展 组织: subject_lead.tsv) */
	SUBJ("subject before", "召开党组会23次。", "23次=23 次 [党组会]");
	SUBJ("subject before, a noun", "党组会23次。", "23次=23 次 [党组会]");
	SUBJ("subject strips the verb", "地区生产总值增长4.8%", "4.8%=4.8 % + [地区生产总值]");
	SUBJ("subject strips 年均增长", "经济年均增长5%左右", "5%左右=5 % ~左右 + [经济]");
	/* a lone linking verb is no subject, at a block's start as after 。, so a
	 * sentence read alone (rsplit -u sentence | rmetric) gets what its
	 * paragraph gets */
	SUBJ("verb opening a block", "完成9.5万亩。", "9.5万亩=95000 亩 []");
	SUBJ("verb opening a sentence", "造林成效明显。完成9.5万亩。", "9.5万亩=95000 亩 []");
	return unit_failed;
}
