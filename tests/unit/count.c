/* rcount's engines as pure functions: the table, the span finders, the
 * term matcher and the segmenter. */
#include <stdlib.h>

#include "rkit.h"
#include "count.h"
#include "unit.h"

/* Emitted keys joined with '|', in the order found. */
static char got[4096];

static void
collect(void *ctx, const char *k, size_t len, size_t off)
{
	size_t n = strlen(got);
	(void)ctx;
	(void)off;
	if (n + len + 2 >= sizeof got)
		return;
	if (n)
		got[n++] = '|';
	memcpy(got + n, k, len);
	got[n + len] = '\0';
}

/* the key at its offset: checks off is where the key is */
static int offsets_ok = 1;
static const char *text_of_call;

static void
collect_checked(void *ctx, const char *k, size_t len, size_t off)
{
	if (memcmp(text_of_call + off, k, len) != 0)
		offsets_ok = 0;
	collect(ctx, k, len, off);
}

static const char *
quotes(const char *s, size_t maxchars)
{
	got[0] = '\0';
	text_of_call = s;
	rk_find_quotes(s, strlen(s), maxchars, collect_checked, NULL);
	return got;
}

static const char *
titles(const char *s)
{
	got[0] = '\0';
	text_of_call = s;
	rk_find_titles(s, strlen(s), 50, collect_checked, NULL);
	return got;
}

static const char *
slogans(const char *s)
{
	got[0] = '\0';
	text_of_call = s;
	rk_find_slogans(s, strlen(s), collect_checked, NULL);
	return got;
}

static const char *
ngrams(const char *s, int lo, int hi)
{
	got[0] = '\0';
	text_of_call = s;
	rk_find_ngrams(s, strlen(s), lo, hi, collect_checked, NULL);
	return got;
}

static const char *
terms(const rk_dict *d, const char *s)
{
	got[0] = '\0';
	text_of_call = s;
	rk_find_terms(d, s, strlen(s), collect_checked, NULL);
	return got;
}

static const char *
cut(rk_seg *g, const char *s)
{
	got[0] = '\0';
	text_of_call = s;
	rk_seg_cut(g, s, strlen(s), collect_checked, NULL);
	return got;
}

static void
test_table(void)
{
	rk_count c;
	long i;
	char key[16];
	rk_count_init(&c, 0);
	rk_count_add(&c, 0, "b", 1, 1);
	rk_count_add(&c, 0, "a", 1, 1);
	rk_count_add(&c, 1, "a", 1, 5);
	rk_count_add(&c, 0, "b", 1, 2);
	rk_count_add(&c, 0, "ab", 2, 3);
	rk_count_add(&c, 0, "", 0, 1);
	CHECK_INT("table: distinct (group, key) pairs", c.nent, 5);
	CHECK_INT("table: id of a known key", rk_count_add(&c, 0, "a", 1, 0), 1);
	{
		size_t len;
		const char *k = rk_count_key(&c, 3, &len);
		CHECK(    "table: key of an id", len == 2 && memcmp(k, "ab", 2) == 0);
	}
	rk_count_sort(&c, 0);
	CHECK(    "table: count desc then key: first", c.ent[0].len == 2 && memcmp(c.ent[0].key, "ab", 2) == 0);
	CHECK_INT("table: b summed", c.ent[1].n, 3);
	CHECK(    "table: tie broken by key bytes", c.ent[0].len == 2 && c.ent[1].len == 1);
	CHECK(    "table: empty key sorts before a among count 1", c.ent[2].len == 0 && c.ent[3].key[0] == 'a');
	CHECK(    "table: group 1 after group 0", c.ent[4].grp == 1 && c.ent[4].n == 5);
	rk_count_clear(&c);
	CHECK_INT("table: cleared", c.nent, 0);
	/* many keys: growth keeps every count */
	for (i = 0; i < 100000; i++) {
		int n = snprintf(key, sizeof key, "k%ld", i % 30000);
		rk_count_add(&c, 0, key, (size_t)n, 1);
	}
	CHECK_INT("table: 30000 keys after growth", c.nent, 30000);
	{
		/* long keys live outside the slots; ids survive growth */
		char big[64];
		long id;
		size_t len;
		memset(big, 'x', sizeof big);
		id = rk_count_add(&c, 7, big, sizeof big, 2);
		for (i = 0; i < 50000; i++) {
			int n = snprintf(key, sizeof key, "m%ld", i);
			rk_count_add(&c, 0, key, (size_t)n, 1);
		}
		CHECK(    "table: long key kept through growth",
		          rk_count_key(&c, (unsigned long)id, &len)[63] == 'x' && len == 64);
		CHECK_INT("table: long key found again", rk_count_add(&c, 7, big, sizeof big, 1), id);
		rk_count_sort(&c, 1);
		CHECK(    "table: sorted by key, group 7 last", c.ent[c.nsorted - 1].grp == 7 &&
		          c.ent[c.nsorted - 1].n == 3);
		rk_count_clear(&c);
		for (i = 0; i < 100000; i++) {
			int n = snprintf(key, sizeof key, "k%ld", i % 30000);
			rk_count_add(&c, 0, key, (size_t)n, 1);
		}
	}
	{
		long sum = 0;
		rk_count_sort(&c, 1);
		for (i = 0; i < (long)c.nsorted; i++)
			sum += c.ent[i].n;
		CHECK_INT("table: counts add up after growth", sum, 100000);
	}
	rk_count_free(&c);

	rk_count_init(&c, 2);
	rk_count_add(&c, 0, "x", 1, 1);
	rk_count_add(&c, 0, "y", 1, 1);
	CHECK_INT("max-keys: third key turned away", rk_count_add(&c, 0, "z", 1, 4), -1);
	CHECK(    "max-keys: known key still counted", rk_count_add(&c, 0, "x", 1, 1) >= 0);
	CHECK_INT("max-keys: dropped occurrences counted", c.dropped, 4);
	rk_count_free(&c);
}

static void
test_quotes(void)
{
	CHECK_STR("quotes: curly", quotes("践行“两个维护”，坚定“四个自信”。", 50), "两个维护|四个自信");
	CHECK_STR("quotes: corner and white corner", quotes("「一网通办」和『一网统管』", 50), "一网通办|一网统管");
	CHECK_STR("quotes: ASCII pairs", quotes("the \"A\" and \"B\" \"", 50), "A|B");
	CHECK_STR("quotes: full-width ASCII quote", quotes("＂三个务必＂", 50), "三个务必");
	CHECK_STR("quotes: empty skipped", quotes("“”和“ ”和“x”", 50), "x");
	CHECK_STR("quotes: blanks trimmed", quotes("“　两个确立 ”", 50), "两个确立");
	CHECK_STR("quotes: over-long skipped", quotes("“一二三四五六”“一二三”", 5), "一二三");
	CHECK_STR("quotes: limit is characters, not bytes", quotes("“一二三四五”", 5), "一二三四五");
	CHECK_STR("quotes: unclosed opener restarts", quotes("“未闭合，“五个中心”建设", 50), "五个中心");
	CHECK_STR("quotes: closer without opener ignored", quotes("甲”乙“丙”", 50), "丙");
	CHECK_STR("quotes: inner corner quotes found too", quotes("“学习「三会一课」制度”", 50),
	          "三会一课|学习「三会一课」制度");
	CHECK_STR("quotes: unclosed at end gives nothing", quotes("提出“十项行动", 50), "");
	CHECK(    "quotes: offsets point at the keys", offsets_ok);
}

static void
test_titles(void)
{
	CHECK_STR("titles: two", titles("印发《实施方案》和《工作规则》"), "实施方案|工作规则");
	CHECK_STR("titles: inner angle marks kept", titles("《关于〈条例〉的决定》"), "关于〈条例〉的决定");
	CHECK_STR("titles: empty skipped", titles("《》《法》"), "法");
	CHECK_STR("titles: quotes are not titles", titles("“两个维护”"), "");
	CHECK_STR("titles: nested restarts at the inner", titles("《甲《乙》丙》"), "乙");
}

static void
test_slogans(void)
{
	CHECK_STR("slogans: numeral + measure + two", slogans("增强四个意识，践行两个维护的要求"), "四个意识|两个维护");
	CHECK_STR("slogans: phrase is two characters", slogans("两个确立决定性意义"), "两个确立");
	CHECK_STR("slogans: parallel forms", slogans("落实三会一课和一岗双责，推进一带一路"),
	          "三会一课|一岗双责|一带一路");
	CHECK_STR("slogans: three pairs", slogans("构建一江一河一带格局"), "一江一河一带");
	CHECK_STR("slogans: digit formula", slogans("攻坚1+3+8作战，1+N体系"), "1+3+8|1+N");
	CHECK_STR("slogans: full-width plus", slogans("“２＋３＋Ｎ”园区"), "２＋３＋Ｎ");
	CHECK_STR("slogans: arithmetic with decimals is not", slogans("1.5+2.5=4"), "");
	CHECK_STR("slogans: quantities are not", slogans("用两个月完成三个以上项目，3个直属单位"), "");
	CHECK_STR("slogans: ordinal is not", slogans("第十五个五年规划"), "");
	CHECK_STR("slogans: 一 + measure is the article", slogans("一个重要方面，统一大市场"), "");
	CHECK_STR("slogans: multi-character numeral is not", slogans("党的二十大精神"), "");
	CHECK_STR("slogans: time units are not a formula", slogans("每三年一次，十届四中全会"), "");
	CHECK_STR("slogans: idioms with 千 百 万 are not", slogans("千方百计，万众一心"), "");
	CHECK_STR("slogans: ten actions", slogans("实施十项行动"), "十项行动");
	CHECK(    "slogans: offsets point at the keys", offsets_ok);
}

static void
test_ngrams(void)
{
	CHECK_STR("ngrams: 2 over a run", ngrams("推进改革", 2, 2), "推进|进改|改革");
	CHECK_STR("ngrams: punctuation ends a run", ngrams("改革，开放。", 2, 2), "改革|开放");
	CHECK_STR("ngrams: digits end a run", ngrams("增长5.4%左右", 2, 2), "增长|左右");
	CHECK_STR("ngrams: Latin ends a run", ngrams("推动AI赋能", 2, 2), "推动|赋能");
	CHECK_STR("ngrams: spaces end a run", ngrams("龚 正", 2, 2), "");
	CHECK_STR("ngrams: full-width digits end a run", ngrams("达到５万亿", 2, 2), "达到|万亿");
	CHECK_STR("ngrams: 〇 is a Han numeral", ngrams("二〇三五", 2, 2), "二〇|〇三|三五");
	CHECK_STR("ngrams: range 1-3", ngrams("发展观", 1, 3), "发|展|发展|观|展观|发展观");
	CHECK_STR("ngrams: run shorter than n", ngrams("一，二三", 3, 3), "");
	CHECK_STR("ngrams: outside the BMP", ngrams("𠀀𠀁字", 2, 2), "𠀀𠀁|𠀁字");
	CHECK_STR("ngrams: run longer than the ring", ngrams("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地", 16, 16),
	          "一二三四五六七八九十甲乙丙丁戊己|二三四五六七八九十甲乙丙丁戊己庚|三四五六七八九十甲乙丙丁戊己庚辛|"
	          "四五六七八九十甲乙丙丁戊己庚辛壬|五六七八九十甲乙丙丁戊己庚辛壬癸|六七八九十甲乙丙丁戊己庚辛壬癸子|"
	          "七八九十甲乙丙丁戊己庚辛壬癸子丑|八九十甲乙丙丁戊己庚辛壬癸子丑寅|九十甲乙丙丁戊己庚辛壬癸子丑寅卯|"
	          "十甲乙丙丁戊己庚辛壬癸子丑寅卯辰|甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳|乙丙丁戊己庚辛壬癸子丑寅卯辰巳午|"
	          "丙丁戊己庚辛壬癸子丑寅卯辰巳午未|丁戊己庚辛壬癸子丑寅卯辰巳午未申|戊己庚辛壬癸子丑寅卯辰巳午未申酉|"
	          "己庚辛壬癸子丑寅卯辰巳午未申酉戌|庚辛壬癸子丑寅卯辰巳午未申酉戌亥|辛壬癸子丑寅卯辰巳午未申酉戌亥天|"
	          "壬癸子丑寅卯辰巳午未申酉戌亥天地");
	CHECK(    "ngrams: offsets point at the keys", offsets_ok);
}

static void
test_terms(void)
{
	rk_dict *d = rk_dict_new();
	static const char *const words[] = { "生态", "生态环境", "生态环境局", "环境", "AI", "PM2.5", "局" };
	size_t i;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		rk_dict_add(d, words[i], strlen(words[i]), 1);
	rk_dict_add(d, "环境", strlen("环境"), 1);   /* a repeat */
	rk_dict_build(d);
	CHECK_INT("terms: repeated term kept once", rk_dict_size(d), 7);
	CHECK_STR("terms: longest first", terms(d, "市生态环境局和生态环境部"), "生态环境局|生态环境");
	CHECK_STR("terms: no overlap, left to right", terms(d, "生态环境环境局"), "生态环境|环境|局");
	CHECK_STR("terms: Latin term not inside a Latin word", terms(d, "MAIN AI，AI赋能"), "AI|AI");
	CHECK_STR("terms: PM2.5 whole, not PM2.50", terms(d, "PM2.5浓度，PM2.50"), "PM2.5");
	CHECK(    "terms: offsets point at the keys", offsets_ok);
	rk_dict_free(d);
}

static void
test_segment(void)
{
	/* A dictionary made up for the test, frequencies chosen so the route
	 * is not simply longest-first. */
	static const struct { const char *w; double f; } words[] = {
		{ "研究", 500 }, { "研究生", 80 }, { "生命", 300 }, { "命", 50 }, { "起源", 200 },
		{ "的", 1000 }, { "研", 5 }, { "究", 5 }, { "生", 30 }, { "起", 40 }, { "源", 20 },
		{ "零", 0 },    /* frequency 0: a prefix only, never a word */
		{ "零碳", 20 }, { "GDP", 10 },
	};
	rk_dict *d = rk_dict_new();
	rk_seg *g;
	size_t i;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		rk_dict_add(d, words[i].w, strlen(words[i].w), words[i].f);
	rk_dict_build(d);
	g = rk_seg_new(d);
	CHECK_STR("segment: max probability route", cut(g, "研究生命的起源"), "研究|生命|的|起源");
	CHECK_STR("segment: punctuation and spaces are tokens", cut(g, "生命，起源 的"), "生命|，|起源| |的");
	CHECK_STR("segment: ASCII letters and digits joined", cut(g, "生命2025年"), "生命|2025|年");
	CHECK_STR("segment: dictionary Latin word", cut(g, "GDP增长"), "GDP|增|长");
	CHECK_STR("segment: unknown characters one by one", cut(g, "龘靐"), "龘|靐");
	CHECK_STR("segment: frequency 0 is no word", cut(g, "零零碳"), "零|零碳");
	CHECK_STR("segment: signs inside a run", cut(g, "5.4%的"), "5|.|4|%|的");
	CHECK_STR("segment: full-width digits are not jieba's run", cut(g, "５０的"), "５|０|的");
	CHECK(    "segment: offsets point at the tokens", offsets_ok);
	CHECK(    "wordlike: Han", rk_is_wordlike("的", 3));
	CHECK(    "wordlike: digits", rk_is_wordlike("2025", 4));
	CHECK(    "wordlike: full-width digit", rk_is_wordlike("５", 3));
	CHECK(    "wordlike: not punctuation", !rk_is_wordlike("，", 3) && !rk_is_wordlike("%", 1));
	CHECK(    "wordlike: not space", !rk_is_wordlike(" ", 1));
	rk_seg_free(g);
	rk_dict_free(d);
}

int
main(void)
{
	test_table();
	test_quotes();
	test_titles();
	test_slogans();
	test_ngrams();
	test_terms();
	test_segment();
	return unit_failed;
}
