/* The numeral parser: Arabic, full-width, Chinese and mixed numerals, and
 * what each consumes.  Values are written as rk_dec_fmt prints them. */
#include "unit.h"
#include "rkit.h"
#include "metric.h"

/* value of the numeral at the start of s, or "-" if none; *used gets the
 * number of bytes consumed */
static const char *
val(const char *s, size_t *used, unsigned *flags)
{
	static char buf[RK_DEC_MAX];
	rk_num n;
	size_t k = rk_num_parse(s, strlen(s), &n);
	if (used)
		*used = k;
	if (flags)
		*flags = n.flags;
	if (!k)
		return "-";
	rk_dec_fmt(n.v, buf);
	return buf;
}

#define V(name, text, want) CHECK_STR(name, val(text, NULL, NULL), want)
/* the numeral is exactly the first `bytes` bytes of text */
#define USED(name, text, bytes) do { size_t u_; val(text, &u_, NULL); CHECK_INT(name, u_, bytes); } while (0)
#define FLAG(name, text, flag, want) do { unsigned f_; val(text, NULL, &f_); \
	CHECK_INT(name, !!(f_ & (flag)), want); } while (0)

int
main(void)
{
	char buf[RK_DEC_MAX];
	rk_dec d;

	/* decimal formatting */
	d.mant = 378; d.exp = -1; rk_dec_fmt(d, buf); CHECK_STR("fmt 37.8", buf, "37.8");
	d.mant = 3780; d.exp = -2; rk_dec_fmt(d, buf); CHECK_STR("fmt trailing zero", buf, "37.8");
	d.mant = 5; d.exp = -3; rk_dec_fmt(d, buf); CHECK_STR("fmt 0.005", buf, "0.005");
	d.mant = 120423; d.exp = 6; rk_dec_fmt(d, buf); CHECK_STR("fmt exp", buf, "120423000000");
	d.mant = 0; d.exp = -2; rk_dec_fmt(d, buf); CHECK_STR("fmt zero", buf, "0");

	/* Arabic */
	V("arabic int", "837名", "837");
	V("arabic decimal", "8.1%", "8.1");
	V("arabic grouped", "1,234,567元", "1234567");
	V("arabic group needs 3 digits", "12,34", "12");
	USED("arabic comma list not grouped", "12,34", 2);
	V("arabic decimal 0.5", "0.5个百分点", "0.5");
	USED("arabic trailing point not taken", "1.扎实", 1);
	V("arabic leading zero", "02", "2");
	FLAG("arabic leading zero flag", "02-03", RK_NUM_LEAD_ZERO, 1);
	V("arabic 万", "14614万元", "146140000");
	V("arabic 亿", "1204.23亿元", "120423000000");
	V("arabic 万亿", "6.66万亿元", "6660000000000");
	V("arabic 百亿亿", "10.36百亿亿次", "10360000000000000000");
	FLAG("arabic too long is bad", "12345678901234567890123", RK_NUM_BAD, 1);

	/* full-width digits and point */
	V("fullwidth int", "３０５名", "305");
	V("fullwidth decimal", "５．５％", "5.5");
	V("fullwidth 万", "１２万人", "120000");
	FLAG("fullwidth is arabic", "５", RK_NUM_ARABIC, 1);

	/* Chinese numerals */
	V("cjk 一百零五", "一百零五", "105");
	V("cjk 两千三百", "两千三百", "2300");
	V("cjk 十二", "十二", "12");
	V("cjk 十", "十项", "10");
	V("cjk 二十", "二十人", "20");
	V("cjk 三十五", "三十五", "35");
	V("cjk 一千零二十", "一千零二十", "1020");
	V("cjk 两 vs 二", "两次", "2");
	V("cjk 二", "二次", "2");
	V("cjk 廿 is twenty", "廿三", "23");
	V("cjk 廿 alone", "廿", "20");
	V("cjk 三千五 colloquial", "三千五", "3500");
	V("cjk 两万五 colloquial", "两万五", "25000");
	V("cjk 零 blocks colloquial", "三千零五", "3005");
	V("cjk 十五万", "十五万", "150000");
	V("cjk 一亿五千万", "一亿五千万", "150000000");
	V("cjk traditional 萬", "三萬", "30000");
	V("cjk traditional 億", "五億", "500000000");
	V("cjk 兩", "兩千", "2000");
	V("cjk 〇 positional", "二〇三五年", "2035");
	FLAG("cjk 〇 positional flag", "二〇三五年", RK_NUM_POSITIONAL, 1);
	V("cjk 零 positional", "二零二五年", "2025");
	V("cjk 千 alone", "千余家", "1000");
	FLAG("cjk 千 alone is bare", "千余家", RK_NUM_BARE, 1);
	FLAG("cjk 一千 is not bare", "一千", RK_NUM_BARE, 0);
	V("cjk 千万", "千万", "10000000");
	FLAG("cjk 十四五 is bad", "十四五", RK_NUM_BAD, 1);
	USED("cjk 十四五 consumed whole", "十四五规划", 9);

	/* mixed */
	V("mixed 3万5千", "3万5千", "35000");
	V("mixed 1.25万", "1.25万", "12500");
	V("mixed 1亿5000万", "1亿5000万元", "150000000");
	USED("mixed digits after 万 need a multiplier", "3万5", 4);
	V("mixed 10余万", "10余万人", "100000");
	USED("mixed 10余万 takes 余", "10余万人", 8);
	V("mixed 三十余万", "三十余万", "300000");
	USED("mixed 34万余 stops before 余", "34万余元", 5);

	/* zero before a multiplier is zero, not the multiplier alone (亿 = 10^8) */
	V("zero 0亿", "0亿元", "0");
	V("zero 0.0亿", "0.0亿元", "0");
	V("zero 零亿", "零亿元", "0");
	V("zero 0万", "0万元", "0");
	V("zero 零万亿", "零万亿元", "0");
	V("zero 0万亿", "0万亿元", "0");
	V("bare 亿 is 10^8", "亿元", "100000000");
	V("bare 万亿 is 10^12", "万亿元", "1000000000000");

	/* what the numeral leaves to the unit */
	USED("千米 keeps 千", "5千米", 1);
	USED("万千瓦 keeps 千瓦", "1200万千瓦", 7);
	USED("百分点 keeps 百", "2百分点", 1);
	USED("一 only", "一批", 3);
	USED("not a numeral", "党员", 0);
	CHECK("start 一", rk_num_start(0x4E00));
	CHECK("start ５", rk_num_start(0xFF15));
	CHECK("no start 党", !rk_num_start(0x515A));
	return unit_failed;
}
