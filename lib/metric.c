/* The amount scanner: finds every numeral in a block with one cheap pass
 * (a byte test, then a bitmap test on the decoded character), and only at
 * a numeral looks around it to decide what it is: an amount with its unit,
 * approximation, direction and subject, or a year, date, ordinal, code,
 * slogan, outline marker or word, which are not amounts. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rkit.h"
#include "metric.h"

const char *const rk_why_name[RK_WHY_N] = {
	"", "year", "date", "ordinal", "code", "slogan", "marker", "word", "rate", "nounit", "title",
};

/* ---- text helpers ----------------------------------------------------- */

static inline unsigned
cp_at(const char *s, size_t n, size_t i, int *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (i >= n) {
		*len = 0;
		return 0;
	}
	if (u[i] < 0x80) {
		*len = 1;
		return u[i];
	}
	if ((u[i] & 0xF0) == 0xE0 && i + 3 <= n) {
		*len = 3;
		return (u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
	}
	return rk_u8dec(s + i, n - i, len);
}

/* The character ending at byte i; *start gets its offset.  0 at the start.
 * Inline with the three-byte case first: the rules walk back a lot. */
static inline unsigned
cp_before(const char *s, size_t i, size_t *start)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t j = i;
	int len;
	if (i == 0) {
		*start = 0;
		return 0;
	}
	if (u[i - 1] < 0x80) {
		*start = i - 1;
		return u[i - 1];
	}
	if (i >= 3 && (u[i - 3] & 0xF0) == 0xE0) {
		*start = i - 3;
		return (u[i - 3] & 0x0Fu) << 12 | (u[i - 2] & 0x3Fu) << 6 | (u[i - 1] & 0x3Fu);
	}
	do
		j--;
	while (j > 0 && (u[j] & 0xC0) == 0x80);
	*start = j;
	return cp_at(s, i, j, &len);
}

static inline int
has_atn(const char *s, size_t n, size_t i, const char *w, size_t k)
{
	return i + k <= n && memcmp(s + i, w, k) == 0;
}

static inline int
ends_withn(const char *s, size_t i, const char *w, size_t k)
{
	return k <= i && memcmp(s + i - k, w, k) == 0;
}

/* With a string literal the length is known at compile time. */
#define has_at(s, n, i, lit) has_atn(s, n, i, lit, sizeof(lit) - 1)
#define ends_with(s, i, lit) ends_withn(s, i, lit, sizeof(lit) - 1)

/* A Latin letter, ASCII or full-width (rk_fold's range, folded here). */
static inline int
is_latin(unsigned cp)
{
	if (cp >= 0xFF21 && cp <= 0xFF5A)
		cp -= 0xFF01 - 0x21;
	return cp < 0x80 && (cp | 0x20) - 'a' < 26;
}

static inline int
is_digit(unsigned cp)
{
	return cp - '0' < 10 || cp - 0xFF10 < 10;
}

/* Han ideograph: rk_is_cjk's ranges, inline, the common block first. */
static inline int
is_han(unsigned cp)
{
	return cp - 0x4E00 < 0x5200 || cp - 0x3400 < 0x19C0 || cp - 0xF900 < 0x200 ||
	       cp - 0x20000 < 0xFA20 || cp == 0x3007;
}

/* Ends a clause: ，。；：！？ and their ASCII twins. */
static inline int
is_clause_end(unsigned cp)
{
	if (cp < 0x80)
		return cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?';
	return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF01 ||
	       cp == 0xFF1F || cp == 0xFF61;
}

static inline int
is_open_quote(unsigned cp)
{
	return cp == 0x201C || cp == 0x300C || cp == 0x300E || cp == 0x2018;
}

static inline int
is_close_quote(unsigned cp)
{
	return cp == 0x201D || cp == 0x300D || cp == 0x300F || cp == 0x2019;
}

/* ---- units ------------------------------------------------------------ */

enum { U_COUNT, U_MEASURE, U_TIME };

typedef struct {
	const char *text;
	const char *fold;       /* as reported */
	unsigned first;         /* first code point */
	unsigned char len, cls;
	unsigned char fold_len; /* strlen(fold) */
	unsigned char first_len; /* bytes of first, if written as UTF-8 writes it; else 0 */
	int next;               /* bucket chain, longest first */
} unit;

/* Measure words for counted things: the noun after them is the subject. */
static const char *const count_units[] = {
	"个", "名", "次", "人次", "项", "家", "件", "场", "场次", "篇", "条", "批", "批次", "期",
	"份", "套", "座", "支", "轮", "人", "户", "户次", "所", "处", "台", "台套", "辆", "艘",
	"架", "架次", "株", "棵", "头", "只", "口", "间", "栋", "幢", "层", "本", "册", "部",
	"首", "幅", "张", "块", "片", "根", "门", "类", "种", "起", "宗", "例", "单", "笔",
	"班", "组", "对", "群", "位", "列", "趟", "车次", "节", "课时", "学时", "堂", "届次",
	"人日", "床", "张床", "把", "颗", "枚", "道", "则", "封", "集", "部门", "村", "所学校",
	"款", "辆次", "艘次", "样", "批次", "亿人次", "余人", "网点", "个次", "项次", "家次",
	"盏", "户籍", "人员", "匹", "羽", "尾", "只羊", "班次", "县", "乡", "镇",
};
static const char *const measure_units[] = {
	"元", "美元", "欧元", "港元", "日元", "元人民币", "亩", "公顷", "公里", "千米", "米",
	"厘米", "毫米", "平方米", "平方公里", "平方千米", "立方米", "吨", "千克", "公斤", "斤",
	"克", "毫克", "微克", "千瓦", "千瓦时", "瓦", "兆瓦", "吉瓦", "千伏", "伏", "度",
	"标准箱", "吨标准煤", "吨标煤", "吨公里", "人公里", "岁", "倍", "成", "分", "%", "％",
	"‰", "百分点", "个百分点", "摄氏度", "℃", "升", "毫升", "立方", "延米", "车位",
	"千公顷", "万亩", "床位", "TEU", "kW", "kWh", "MW", "GW", "kV", "km", "kg", "PF", "EFLOPS",
	"Mbps", "Gbps", "英寸", "字", "卡", "千卡", "兆帕", "帕", "分贝", "标方",
	"吨/天", "微克/立方米", "元/吨", "元/人", "人年", "工日", "户籍人口", "番", "标箱",
};
static const char *const time_units[] = {
	"年", "天", "个月", "个多月", "周", "小时", "个小时", "分钟", "秒", "季度", "个季度",
	"工作日", "个工作日", "学年", "日历天", "昼夜", "周岁",
};

/* Folded names: the reported unit where it differs from the text. */
static const struct { const char *text, *fold; } unit_folds[] = {
	{ "％", "%" }, { "个百分点", "百分点" }, { "个多月", "个月" }, { "个小时", "小时" },
	{ "个季度", "季度" }, { "个工作日", "工作日" }, { "张床", "床" }, { "所学校", "所" },
	{ "亿人次", "人次" }, { "余人", "人" }, { "只羊", "只" }, { "户籍", "户" }, { "人员", "人" },
	{ "户籍人口", "人" }, { "万亩", "亩" }, { "标箱", "标准箱" },
};

static void wordsets_init(void);

#define NBUCKET 256
static unit *units;
static size_t nunits, capunits;
static int bucket[NBUCKET];
static int units_ready;

/* Returns 1 if text was added, 0 if it is too long or already known. */
static int
unit_insert(const char *text, const char *fold, int cls)
{
	unit *u;
	int len, *link;
	size_t k = strlen(text);
	if (k == 0 || k > 40)
		return 0;
	if (nunits == capunits) {
		capunits = capunits ? capunits * 2 : 256;
		units = rk_realloc(units, capunits * sizeof *units);
	}
	u = &units[nunits];
	u->text = text;
	u->fold = fold;
	u->fold_len = (unsigned char)strlen(fold);
	u->len = (unsigned char)k;
	u->cls = (unsigned char)cls;
	u->first = cp_at(text, k, 0, &len);
	{
		/* unit_at() skips the first character's bytes once first matches:
		 * only right if they are its one UTF-8 form (text from -U may not be) */
		char enc[4];
		int e = u->first < 0x110000 ? rk_u8enc(u->first, enc) : 0;
		u->first_len = e == len && memcmp(enc, text, (size_t)len) == 0 ? (unsigned char)len : 0;
	}
	/* keep each chain longest first, so the first match is the longest */
	link = &bucket[u->first % NBUCKET];
	while (*link >= 0 && units[*link].len >= u->len) {
		if (units[*link].len == u->len && strcmp(units[*link].text, text) == 0)
			return 0;   /* already known */
		link = &units[*link].next;
	}
	u->next = *link;
	*link = (int)nunits++;
	return 1;
}

static void
units_init(void)
{
	size_t i, j;
	if (units_ready)
		return;
	units_ready = 1;
	wordsets_init();
	for (i = 0; i < NBUCKET; i++)
		bucket[i] = -1;
#define ADD(tab, cls) \
	for (i = 0; i < sizeof tab / sizeof tab[0]; i++) { \
		const char *f = tab[i]; \
		for (j = 0; j < sizeof unit_folds / sizeof unit_folds[0]; j++) \
			if (strcmp(unit_folds[j].text, tab[i]) == 0) \
				f = unit_folds[j].fold; \
		unit_insert(tab[i], f, cls); \
	}
	ADD(count_units, U_COUNT)
	ADD(measure_units, U_MEASURE)
	ADD(time_units, U_TIME)
#undef ADD
}

void
rk_units_add(const char *text)
{
	size_t k = strlen(text);
	char *copy;
	units_init();
	while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\r'))
		k--;
	while (k > 0 && (*text == ' ' || *text == '\t')) {
		text++;
		k--;
	}
	if (k == 0 || *text == '#')
		return;
	copy = rk_alloc(k + 1);
	memcpy(copy, text, k);
	copy[k] = 0;
	if (!unit_insert(copy, copy, U_COUNT))
		free(copy);   /* a repeat, or longer than any unit */
}

int
rk_units_load(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	if (!f)
		return -1;
	while ((got = getline(&line, &cap, f)) >= 0) {
		if (got > 0 && line[got - 1] == '\n')
			line[got - 1] = 0;
		/* a unit of bad bytes would match part of a character and cut
		 * the amount's text there */
		if (!rk_u8valid(line, strlen(line))) {
			free(line);
			fclose(f);
			errno = EILSEQ;
			return -1;
		}
		rk_units_add(line);
	}
	free(line);
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		errno = e;
		return -1;
	}
	fclose(f);
	return 0;
}

/* The longest unit at s[i..]; NULL if none. */
static const unit *
unit_at(const char *s, size_t n, size_t i)
{
	int len, k;
	unsigned cp = cp_at(s, n, i, &len);
	if (len == 0)
		return NULL;
	for (k = bucket[cp % NBUCKET]; k >= 0; k = units[k].next) {
		/* units are short and differ early: a byte loop beats a memcmp call */
		const char *a = s + i, *b = units[k].text;
		size_t left = units[k].len;
		if (units[k].first != cp || i + left > n)
			continue;
		/* the text is valid UTF-8: the same first character is the same
		 * bytes, and many units share it (个 个月 个百分点 个工作日) */
		if (units[k].first_len == len) {
			a += len;
			b += len;
			left -= (size_t)len;
		}
		while (left > 0 && *a == *b) {
			a++;
			b++;
			left--;
		}
		if (left == 0)
			return &units[k];
	}
	return NULL;
}

/* ---- small lexicons --------------------------------------------------- */

/* A word and its length in bytes. */
typedef struct { const char *w; size_t len; } word;
#define W(lit) { lit, sizeof(lit) - 1 }

/* Approximations written before the number, longest first. */
static const word approx_before[] = {
	W("不少于"), W("不低于"), W("不超过"), W("不高于"), W("不足"), W("不到"), W("不下"), W("超过"), W("将近"), W("接近"),
	W("大约"), W("约合"), W("近"), W("约"), W("超"), W("逾"), W("上"),
};
/* ... and after the number or its unit. */
static const word approx_after[] = {
	W("以上"), W("以下"), W("左右"), W("以内"), W("上下"), W("之多"), W("有余"), W("多"), W("余"), W("许"),
};

/* Change verbs: the amount right after them is a change. */
static const word dir_up[] = {
	W("增长"), W("增加"), W("提高"), W("上升"), W("提升"), W("上涨"), W("扩大"), W("增收"), W("增"), W("多"), W("升"),
};
static const word dir_down[] = {
	W("下降"), W("减少"), W("降低"), W("收窄"), W("下滑"), W("回落"), W("缩小"), W("压减"), W("压降"), W("削减"), W("缩减"),
	W("减"), W("降"),
};

/* Numbered formulas that are names, not counts, even unquoted. */
static const word slogans[] = {
	W("两个维护"), W("两个确立"), W("四个意识"), W("四个自信"), W("四个全面"), W("四个革命"), W("四个最严"),
	W("两个毫不动摇"), W("两个结合"), W("两个大局"), W("两个一百年"), W("三个务必"), W("三个代表"), W("三个表率"),
	W("五位一体"), W("八项规定"), W("十项行动"), W("两个清单"), W("两个责任"), W("三大攻坚战"), W("四风"), W("四下基层"),
	W("两新"), W("两重"), W("三农"), W("五大发展理念"), W("十个明确"), W("十四个坚持"), W("十三个方面"), W("两个先行"),
	W("三个转变"), W("三个区分开来"), W("四种形态"), W("五型机关"), W("一把手"), W("两个作用"), W("三项制度"),
	W("两个健康"), W("两个覆盖"), W("三重一大"), W("两学一做"), W("三严三实"), W("一岗双责"), W("三会一课"),
	W("六稳"), W("六保"), W("三公"), W("一带一路"), W("一国两制"), W("两岸"), W("两会"), W("四个服务"), W("五个必由之路"),
	W("六个必须坚持"), W("三个一批"), W("两个基本"), W("两不愁三保障"), W("三保"), W("两高"), W("三线一单"),
	W("双碳"), W("三大"), W("四大"), W("五大"), W("六大"), W("七大"), W("八大"), W("九大"), W("十大"),
};

/* Words that start with a numeral but are not numbers. */
static const word num_words[] = {
	W("十分"), W("万分"), W("百分之百"), W("千方百计"), W("千家万户"), W("千军万马"), W("千山万水"), W("万众一心"),
	W("百花"), W("百姓"), W("一一"), W("万一"), W("百年大党"), W("百年未有"), W("千秋"), W("万古"), W("亿万"), W("千千万万"),
	W("三三两两"), W("一五一十"), W("十全十美"), W("四面八方"), W("五湖四海"), W("七上八下"), W("九牛一毛"),
	W("一丝不苟"), W("三番五次"), W("三番两次"), W("一以贯之"), W("一张蓝图"), W("一张网"), W("一盘棋"), W("一体化"), W("十字"), W("百舸"), W("千帆"),
	W("万象"), W("万物"), W("百业"), W("千行百业"), W("百尺竿头"), W("万无一失"), W("一流"), W("两手"), W("三令五申"),
	W("五年规划"), W("五年计划"), W("二十四节气"), W("九年义务教育"), W("九年一贯制"), W("零售"), W("零碳"), W("零基"), W("零距离"), W("零容忍"),
	/* place names */
	W("三门峡"), W("三亚"), W("三明"), W("三沙"), W("三河"), W("四川"), W("四平"), W("四会"), W("九江"), W("九寨沟"), W("九龙"),
	W("十堰"), W("六盘水"), W("六安"), W("七台河"), W("五指山"), W("五家渠"), W("五大连池"), W("万州"), W("万宁"), W("万山"),
	W("百色"), W("千岛湖"), W("二连浩特"), W("八一"), W("八达岭"), W("三峡"), W("三江"), W("五台山"), W("九华山"),
};
/* A duration before these names a plan: 三年行动, 五年规划. */
static const word plan_words[] = {
	W("年行动"), W("年攻坚"), W("年计划"), W("年规划"), W("年专项行动"), W("年提升行动"), W("年倍增"),
};

/* Verbs of reaching: a multiplier alone after them is an amount (突破百亿元,
 * 过万亿元, 达到千万吨), as it is after an approximation (超千亿元). */
static const word reach_verbs[] = {
	W("突破"), W("达到"), W("达"), W("过"), W("跨越"), W("迈过"),
};

/* 每 + one of these right before the number: a frequency (每周一次). */
static const word rate_periods[] = {
	W("每年"), W("每月"), W("每周"), W("每季"), W("每季度"), W("每天"), W("每日"), W("每旬"), W("每半年"), W("每学期"),
	W("每星期"), W("每两年"), W("每两月"),
};

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* Fillers between a change verb and its amount: 增长了 分别增长 均下降.  No
 * two end in the same character, so the longest match is the only one. */
static const word fillers[] = {
	W("了"), W("分别"), W("均"), W("达"), W("达到"), W("约"), W("近"), W("超"), W("超过"), W("逾"),
};

/* Words between a subject and its figure: 召开党组会23次, 生产总值增长4.8%,
 * 总量达到5万亿元. */
static const word subject_verbs[] = {
	W("增长"), W("增加"), W("提高"), W("上升"), W("提升"), W("下降"), W("减少"), W("降低"), W("收窄"), W("达到"), W("达"), W("为"),
	W("突破"), W("超过"), W("实现"), W("完成"), W("累计"), W("共"), W("总计"), W("合计"), W("是"), W("占"), W("保持在"),
	W("稳定在"), W("控制在"), W("分别"), W("均"), W("了"), W("年均"), W("同比"), W("比上年"), W("平均"), W("约"), W("近"), W("超"),
	W("逾"), W("至"), W("到"),
};

/* Word lists are tried at every numeral, and the text there rarely holds
 * one: a bitmap of 12-bit keys (the low six bits of two bytes: those that
 * end each word, for match_before, and the two after its first byte, for
 * match_at) turns most tries away before any comparison.  Every word is
 * Chinese, three bytes a character. */
typedef struct {
	const word *tab;
	size_t n;
	unsigned char end[512], start[512];
	/* then the words by their last byte (for match_before) and by their
	 * third (for match_at), low six bits: bucket b is order[first[b] ..
	 * first[b + 1]) */
	unsigned char end_first[65], start_first[65];
	unsigned char end_order[128], start_order[128];
} wordset;
#define WORDSET(t) { t, NELEM(t), { 0 }, { 0 }, { 0 }, { 0 }, { 0 }, { 0 } }

static wordset ws_approx_before = WORDSET(approx_before), ws_approx_after = WORDSET(approx_after),
               ws_dir_up = WORDSET(dir_up), ws_dir_down = WORDSET(dir_down),
               ws_slogans = WORDSET(slogans), ws_num_words = WORDSET(num_words),
               ws_plan_words = WORDSET(plan_words), ws_rate_periods = WORDSET(rate_periods),
               ws_fillers = WORDSET(fillers), ws_subject_verbs = WORDSET(subject_verbs),
               ws_reach_verbs = WORDSET(reach_verbs);

static inline unsigned
key2(const char *b)
{
	return ((unsigned char)b[0] & 0x3Fu) << 6 | ((unsigned char)b[1] & 0x3Fu);
}

/* Buckets the words of ws by the low six bits of the byte at offset at
 * (negative: from the end), in table order within a bucket. */
static void
bucket_words(const wordset *ws, int at, unsigned char *first, unsigned char *order)
{
	size_t k, o = 0;
	unsigned b;
	for (b = 0; b < 64; b++) {
		first[b] = (unsigned char)o;
		for (k = 0; k < ws->n; k++) {
			const word *w = &ws->tab[k];
			size_t off = at < 0 ? w->len - (size_t)-at : (size_t)at;
			if (((unsigned char)w->w[off] & 0x3Fu) == b)
				order[o++] = (unsigned char)k;
		}
	}
	first[64] = (unsigned char)o;
}

static void
wordsets_init(void)
{
	static wordset *const all[] = {
		&ws_approx_before, &ws_approx_after, &ws_dir_up, &ws_dir_down, &ws_slogans,
		&ws_num_words, &ws_plan_words, &ws_rate_periods, &ws_fillers, &ws_subject_verbs,
		&ws_reach_verbs,
	};
	size_t i, k;
	for (i = 0; i < NELEM(all); i++) {
		wordset *ws = all[i];
		if (ws->n > sizeof ws->end_order)
			rk_die(1, "internal error: a word list is longer than %zu", sizeof ws->end_order);
		for (k = 0; k < ws->n; k++) {
			const word *w = &ws->tab[k];
			unsigned e = key2(w->w + w->len - 2), b = key2(w->w + 1);
			ws->end[e >> 3] |= (unsigned char)(1u << (e & 7));
			ws->start[b >> 3] |= (unsigned char)(1u << (b & 7));
		}
		bucket_words(ws, -1, ws->end_first, ws->end_order);
		bucket_words(ws, 2, ws->start_first, ws->start_order);
	}
}

/* a == b for k bytes: words are a few bytes and the first differs
 * mostly, where memcmp() would cost its call. */
static inline int
same_bytes(const char *a, const char *b, size_t k)
{
	while (k > 0 && *a == *b) {
		a++;
		b++;
		k--;
	}
	return k == 0;
}

/* The longest word of ws ending at s[i]; its length, or 0. */
static size_t
match_before(const char *s, size_t i, const wordset *ws)
{
	size_t best = 0;
	unsigned key, b, j;
	if (i < 3)
		return 0;
	key = key2(s + i - 2);
	if (!(ws->end[key >> 3] >> (key & 7) & 1))
		return 0;
	b = (unsigned char)s[i - 1] & 0x3Fu;
	for (j = ws->end_first[b]; j < ws->end_first[b + 1]; j++) {
		const word *w = &ws->tab[ws->end_order[j]];
		if (w->len > best && w->w[w->len - 1] == s[i - 1] && w->len <= i &&
		    same_bytes(s + i - w->len, w->w, w->len - 1))
			best = w->len;
	}
	return best;
}

/* The longest word of ws starting at s[i]; its length, or 0. */
static size_t
match_at(const char *s, size_t n, size_t i, const wordset *ws)
{
	size_t best = 0;
	unsigned key, b, j;
	if (i + 3 > n)
		return 0;
	key = key2(s + i + 1);
	if (!(ws->start[key >> 3] >> (key & 7) & 1))
		return 0;
	b = (unsigned char)s[i + 2] & 0x3Fu;
	for (j = ws->start_first[b]; j < ws->start_first[b + 1]; j++) {
		const word *w = &ws->tab[ws->start_order[j]];
		if (w->len > best && w->w[2] == s[i + 2] && w->w[1] == s[i + 1] && i + w->len <= n &&
		    same_bytes(s + i, w->w, w->len))
			best = w->len;
	}
	return best;
}

/* ---- the scanner ------------------------------------------------------ */

/* A bit per code point that can start a numeral: rk_num_start()'s, and the
 * asterisks of redactions (* ＊).  Built at the first rk_mscan_next(). */
static unsigned char scanbits[0x10000 / 8];
static int scanbits_ready;

void
rk_mscan_doc(rk_mscan *sc, int all)
{
	units_init();
	memset(sc, 0, sizeof *sc);
	sc->all = all;
}

void
rk_mscan_block(rk_mscan *sc, const char *s, size_t n, int para_start)
{
	/* PM / 2.5: a Latin letter at the end of the last block makes a code */
	size_t st;
	sc->prev_latin = sc->tail_latin;
	sc->tail_latin = n > 0 && is_latin(cp_before(s, n, &st));
	sc->s = s;
	sc->n = n;
	sc->pos = 0;
	sc->marks = NULL;
	sc->block_start = para_start;
	sc->last_end = (size_t)-1;
	sc->last_dir = 0;
	sc->last_ok = 0;
}

/* Is [p,q) inside short quotes “…”?  1 if so, 2 if the quote also holds a 、
 * (a quoted list: “圈内1小时、城际2小时”), 0 if not. */
static int
quoted(const char *s, size_t n, size_t p, size_t q)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = p, st, lo = p > 40 ? p - 40 : 0, end = p;
	const unsigned char *m;
	int k, len, list = 0;
	unsigned cp;
	/* most numbers have no opening quote among the ten characters (at most
	 * 40 bytes) before them: “ ‘ 「 『 are E2/E3 80 xx, found by their
	 * middle byte */
	for (;;) {
		if (end < lo + 2 || (m = memrchr(u + lo + 1, 0x80, end - 2 - lo)) == NULL)
			return 0;
		i = (size_t)(m - u);
		end = i;
		if ((u[i - 1] == 0xE2 && (u[i + 1] == 0x9C || u[i + 1] == 0x98)) ||
		    (u[i - 1] == 0xE3 && (u[i + 1] == 0x8C || u[i + 1] == 0x8E)))
			break;
	}
	i = p;
	for (k = 0; k < 10 && i > 0; k++) {
		cp = cp_before(s, i, &st);
		if (is_open_quote(cp))
			break;
		if (is_close_quote(cp) || is_clause_end(cp) || cp == 0x3002)
			return 0;
		list |= cp == 0x3001;
		i = st;
	}
	if (k == 10 || i == 0)
		return 0;
	for (i = q, k = 0; k < 24 && i < n; k++) {
		cp = cp_at(s, n, i, &len);
		if (is_close_quote(cp))
			return 1 + list;
		if (is_open_quote(cp) || is_clause_end(cp))
			return 0;
		list |= cp == 0x3001;
		i += (size_t)len;
	}
	return 0;
}

/* Is p inside a title 《…》 opened at most 40 characters back?  The nearest
 * of 《 》 。 (E3 80 8A, 8B, 82) wholly inside the last 120 bytes decides.
 * E3 leads only CJK punctuation (and rare characters), so memrchr on it
 * stops at little else. */
static int
in_title(const char *s, size_t p)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t stop = p > 120 ? p - 120 : 0, end = p;
	const unsigned char *m;
	while (end >= stop + 3 && (m = memrchr(u + stop, 0xE3, end - 2 - stop)) != NULL) {
		size_t i = (size_t)(m - u);
		end = i;   /* a character before this one ends at or before i */
		if (u[i + 1] != 0x80)
			continue;
		if (u[i + 2] == 0x82)
			return 0;
		if (u[i + 2] == 0x8A || u[i + 2] == 0x8B)
			return u[i + 2] == 0x8A;
	}
	return 0;
}

/* A Chinese numeral at p followed by 是 (一是 二是): an inline item marker. */
static int
item_marker(const char *s, size_t n, size_t p, size_t q, const rk_num *num)
{
	size_t st;
	unsigned prev;
	if (!(num->flags & RK_NUM_CJK) || (num->flags & RK_NUM_ARABIC) || num->nchars > 2)
		return 0;
	if (!has_at(s, n, q, "是") && !has_at(s, n, q, "要") && !has_at(s, n, q, "抓"))
		return 0;
	prev = cp_before(s, p, &st);
	return p == 0 || is_clause_end(prev) || rk_is_space(prev) || prev == 0x3001 ||
	       is_close_quote(prev) || prev == 0x201C || (has_at(s, n, q, "是") && prev == 0x5176);
}

/* Outline markers: 一、 （一） 1. 1、 (1) at a paragraph start or after a clause. */
static int
outline_marker(const rk_mscan *sc, size_t p, size_t q, const rk_num *num)
{
	const char *s = sc->s;
	size_t n = sc->n, st, bst;
	int len;
	unsigned prev = cp_before(s, p, &st), next = cp_at(s, n, q, &len);
	unsigned fnext = rk_fold(next);
	if (num->flags & (RK_NUM_DECIMAL | RK_NUM_GROUPED | RK_NUM_BIGMULT))
		return 0;
	if (num->v.mant > 99)
		return 0;
	/* （一） (1) anywhere */
	if ((prev == 0xFF08 || prev == '(') && (fnext == ')' || next == 0xFF09))
		return 1;
	/* 一、 1. 1、 1． at the start or after a clause end */
	if (fnext == '.' || next == 0x3001) {
		unsigned after = cp_at(s, n, q + (size_t)len, &len);
		unsigned before = st > 0 ? cp_before(s, st, &bst) : 0;
		if (is_digit(after))
			return 0;
		if (p == 0 || is_clause_end(prev) || rk_is_space(prev) ||
		    ((prev == 0xFF08 || prev == '(') && st == 0))
			return 1;
		(void)before;
	}
	return 0;
}

/* What follows an Arabic number directly: Latin letters that are not a unit
 * make it a code (5G, 3D, 5A级). */
static int
latin_code_after(const char *s, size_t n, size_t q)
{
	int len;
	unsigned next = cp_at(s, n, q, &len);
	const unit *u;
	if (!is_latin(next))
		return 0;
	u = unit_at(s, n, q);
	if (u) {
		/* the unit must end the Latin run: 5GW yes, 5G-A and 5Gbps handled by length */
		unsigned after = cp_at(s, n, q + u->len, &len);
		if (!is_latin(after) && after != '-')
			return 0;
	}
	return 1;
}

/* What one candidate's tests found that a later test asks again: the
 * unit at q (rk_mscan_next() looks before classify() does) and the
 * approximation before p (classify() looks before find_approx() does). */
typedef struct {
	const unit *uq;   /* unit_at(q), when uq_known */
	int uq_known;
	size_t ab;        /* match_before(p, approx_before), or (size_t)-1 */
} known;

/* Decide what the numeral [p, q) is.  Fills a->why and, for an amount,
 * the unit and the end of its text. */
static int
classify(rk_mscan *sc, size_t p, size_t q, const rk_num *num, int redacted, rk_amount *a,
         known *kn)
{
	const char *s = sc->s;
	size_t n = sc->n, st, j, k, ulen;
	int len;
	unsigned prev = cp_before(s, p, &st), next = cp_at(s, n, q, &len);
	unsigned fnext = rk_fold(next);
	int cjk_only = (num->flags & RK_NUM_CJK) && !(num->flags & RK_NUM_ARABIC);
	int arabic_int = (num->flags & RK_NUM_ARABIC) &&
	                 !(num->flags & (RK_NUM_DECIMAL | RK_NUM_CJK | RK_NUM_GROUPED));
	const unit *u;

	a->why = RK_WHY_NONE;
	a->unit[0] = 0;

	if (!redacted) {
		/* names with digits in them */
		if (num->flags & RK_NUM_BAD) {
			a->why = cjk_only ? RK_WHY_ORDINAL : RK_WHY_CODE;   /* 十四五 */
			return -1;
		}
		if (prev == 0x7B2C) {   /* 第 */
			a->why = RK_WHY_ORDINAL;
			return -1;
		}
		if (is_latin(prev) || (p == 0 && sc->prev_latin)) {
			a->why = RK_WHY_CODE;   /* PM2.5 SO2 Z4 V11 */
			return -1;
		}
		if ((num->flags & RK_NUM_ARABIC) && latin_code_after(s, n, q)) {
			a->why = RK_WHY_CODE;   /* 5G 3D 5A */
			return -1;
		}
		/* 1+3+8, 2.0.1, 25·7, 8:30 */
		if (fnext == '+' || prev == '+' || prev == 0xFF0B) {
			a->why = RK_WHY_CODE;
			return -1;
		}
		if (next == 0x00B7 || next == 0x30FB || fnext == ':' ||
		    ((prev == 0x00B7 || prev == ':' || prev == 0xFF1A) && st > 0 &&
		     is_digit(cp_before(s, st, &j)))) {
			a->why = RK_WHY_DATE;
			return -1;
		}
		if (next == 0x2236 || prev == 0x2236) {
			a->why = RK_WHY_CODE;   /* a ratio 2.9∶1 */
			return -1;
		}
		if ((num->flags & RK_NUM_DECIMAL) && num->frac_digits == 1 && num->v.mant % 10 == 0 &&
		    !unit_at(s, n, q) && !is_han(next)) {
			a->why = RK_WHY_CODE;   /* 首发经济3.0: a version */
			return -1;
		}
		if (fnext == '.' && is_digit(cp_at(s, n, q + 1, &len))) {
			a->why = RK_WHY_CODE;   /* 2.0.1: a second point */
			return -1;
		}
		/* an Arabic number in a quoted list is counted as outside quotes */
		k = (size_t)quoted(s, n, p, q);
		if (k == 1 || (k == 2 && cjk_only)) {
			if (cjk_only)
				a->why = RK_WHY_SLOGAN;
			else if (num->flags & RK_NUM_DECIMAL && num->int_digits <= 2 &&
			         num->frac_digits <= 2)
				a->why = RK_WHY_DATE;   /* “5.22” */
			else
				a->why = RK_WHY_CODE;   /* “117项目” “328” */
			return -1;
		}
		if (in_title(s, p)) {
			a->why = RK_WHY_TITLE;   /* 《关于…的二十条措施》 */
			return -1;
		}
		/* 12345 12369: service hotlines */
		if (arabic_int && num->int_digits == 5 && num->v.mant >= 12300 && num->v.mant <= 12399) {
			a->why = RK_WHY_CODE;
			return -1;
		}
		if (item_marker(s, n, p, q, num) ||
		    ((arabic_int || cjk_only) && outline_marker(sc, p, q, num))) {
			a->why = RK_WHY_MARKER;
			return -1;
		}
		if (prev == 0x5176 && cjk_only && num->nchars == 1) {   /* 其一 */
			a->why = RK_WHY_MARKER;
			return -1;
		}
		/* numbered formulas */
		if (cjk_only) {
			if (match_at(s, n, p, &ws_slogans)) {
				a->why = RK_WHY_SLOGAN;
				return -1;
			}
			/* 三会一课 一岗双责: numeral, a character, numeral */
			if (num->nchars == 1 && is_han(next)) {
				int l2;
				unsigned third = cp_at(s, n, q + (size_t)len, &l2);
				rk_num t;
				if (third == 0x53CC ||
				    (rk_num_parse(s + q + len, n - q - len, &t) && t.nchars == 1 &&
				     (t.flags & RK_NUM_CJK) && !(t.flags & RK_NUM_BARE))) {
					a->why = RK_WHY_SLOGAN;
					return -1;
				}
			}
			/* 三地三部门: the second half of such a formula */
			if (num->nchars == 1 && is_han(prev) && st > 0) {
				size_t b2;
				unsigned pp = cp_before(s, st, &b2);
				rk_num t;
				if (pp != 0x4E00 && rk_num_parse(s + b2, n - b2, &t) && t.nchars == 1 &&
				    (t.flags & RK_NUM_CJK) && !(t.flags & RK_NUM_BARE)) {
					a->why = RK_WHY_SLOGAN;
					return -1;
				}
			}
			/* “七个一”: a measure word then 一 */
			if ((next == 0x4E2A || next == 0x9879) && has_at(s, n, q + 3, "一") &&
			    !is_digit(cp_at(s, n, q + 6, &len)) && !rk_num_start(cp_at(s, n, q + 6, &len))) {
				a->why = RK_WHY_SLOGAN;
				return -1;
			}
		}
		if (cjk_only && num->nchars == 1 && num->v.mant == 1 && num->v.exp == 0) {
			a->why = RK_WHY_WORD;   /* 一批 一个 一次 进一步 一线: the article */
			return -1;
		}
		/* calendar */
		if ((prev == 0x65F6 || prev == 0x70B9) && next == 0x5206 && st > 0 &&
		    (is_digit(cp_before(s, st, &j)) || rk_num_start(cp_before(s, st, &j)))) {
			a->why = RK_WHY_DATE;   /* 10时30分 */
			return -1;
		}
		if (has_at(s, n, q, "年") && !has_at(s, n, q, "年均") && !has_at(s, n, q, "年以上")) {
			if ((arabic_int && num->int_digits == 4 && num->v.mant >= 1000 &&
			     num->v.mant <= 2199) || (num->flags & RK_NUM_POSITIONAL)) {
				a->why = RK_WHY_YEAR;
				return -1;
			}
			if (has_at(s, n, q, "年来") || has_at(s, n, q, "年以来") || has_at(s, n, q, "年间") ||
			    ends_with(s, p, "这") || ends_with(s, p, "今后") || ends_with(s, p, "过去") ||
			    ends_with(s, p, "的") || ends_with(s, p, "关键") || ends_with(s, p, "未来") ||
			    ends_with(s, p, "近")) {
				a->why = RK_WHY_DATE;   /* 五年来, 奋进的五年, 关键五年: a period, not a count */
				return -1;
			}
			if (has_at(s, n, q, "年代")) {
				a->why = RK_WHY_DATE;
				return -1;
			}
		}
		if (has_at(s, n, q, "年") && arabic_int && num->int_digits == 4 &&
		    num->v.mant >= 1000 && num->v.mant <= 2199) {
			a->why = RK_WHY_YEAR;   /* 2023年均 */
			return -1;
		}
		if (arabic_int && num->int_digits == 4 && num->v.mant >= 1900 && num->v.mant <= 2199 &&
		    (fnext == '-' || next == 0x2014 || next == 0x2013 || fnext == '~' ||
		     next == 0x81F3 || next == 0x5230 || fnext == '/' || fnext == '.' ||
		     next == 0x5C4A || next == 0xFF09 || fnext == ')' || has_at(s, n, q, "届"))) {
			int l2;
			unsigned after = cp_at(s, n, q + (size_t)len, &l2);
			if (is_digit(after) || fnext == ')' || next == 0xFF09 || next == 0x5C4A) {
				a->why = RK_WHY_YEAR;   /* 2021-2023年度 2026-02-03 （2021—2030年） */
				return -1;
			}
		}
		/* a number right after year-: 2026-02-03 */
		if ((prev == '-' || prev == 0xFF0D || prev == '/' || prev == '.') && st >= 4) {
			size_t b = st;
			int d = 0;
			while (b > 0 && d < 5 && is_digit(cp_before(s, b, &j))) {
				b = j;
				d++;
			}
			if (d == 4 || (d <= 2 && d > 0 && b > 0 && (cp_before(s, b, &j) == '-' ||
			                                            cp_before(s, b, &j) == '/'))) {
				a->why = RK_WHY_DATE;
				return -1;
			}
		}
		if (!(num->flags & RK_NUM_DECIMAL) && num->v.exp >= 0) {
			unsigned long long v = num->v.mant;
			for (k = 0; k < (size_t)num->v.exp && v <= 31; k++)
				v *= 10;
			if (next == 0x6708 && v >= 1 && v <= 12 && !has_at(s, n, q, "月均")) {   /* 月 */
				a->why = RK_WHY_DATE;
				return -1;
			}
			if (next == 0x65E5 && v >= 1 && v <= 31) {   /* 日 */
				a->why = RK_WHY_DATE;
				return -1;
			}
			if (next == 0x53F7) {   /* 号: 4号线 is a name, 5号 a date */
				int l2;
				unsigned after = cp_at(s, n, q + (size_t)len, &l2);
				a->why = (v <= 31 && (!is_han(after) || after == 0x524D ||
				                      after == 0x540E || after == 0x8D77 || after == 0x81F3))
				                 ? RK_WHY_DATE : RK_WHY_CODE;
				return -1;
			}
			if ((next == 0x65F6 || next == 0x70B9) && v <= 24 && is_digit(cp_at(s, n, q + 3, &len))) {
				a->why = RK_WHY_DATE;   /* 10时30分 */
				return -1;
			}
			if (next == 0x65F6 && v <= 24 && cjk_only == 0 && !has_at(s, n, q, "时期")) {
				a->why = RK_WHY_DATE;   /* 10时 */
				return -1;
			}
		}
		if (has_at(s, n, q, "周年") || has_at(s, n, q, "世纪")) {
			a->why = RK_WHY_ORDINAL;
			return -1;
		}
		/* positional Chinese numerals that are not years: 六五环境日 */
		if (num->flags & RK_NUM_POSITIONAL) {
			a->why = cjk_only && (has_at(s, n, q, "环境日") || has_at(s, n, q, "节")) ?
			         RK_WHY_DATE : RK_WHY_CODE;
			return -1;
		}
		/* ranks and names: 第五届 二十大 三级医院 500强 4号线 三中全会 */
		if (next == 0x5C4A || next == 0x7EA7 || next == 0x5F3A || next == 0x4F73 ||
		    has_at(s, n, q, "中全会") || has_at(s, n, q, "星级")) {
			a->why = RK_WHY_ORDINAL;
			return -1;
		}
		if (next == 0x5927 && cjk_only && num->v.mant * (num->v.exp ? 10 : 1) >= 10) {
			a->why = RK_WHY_ORDINAL;   /* 二十大 十八大 */
			return -1;
		}
		if (next == 0x7EBF || next == 0x578B || next == 0x7248) {   /* 线 型 版 */
			a->why = RK_WHY_CODE;
			return -1;
		}
		if (has_at(s, n, q, "期工程") || has_at(s, n, q, "期项目") ||
		    (cjk_only && next == 0x671F)) {   /* 三期: a phase */
			a->why = RK_WHY_ORDINAL;
			return -1;
		}
		/* 十一届九次、十次全会: sessions are ordinals */
		if (next == 0x6B21 && (ends_with(s, p, "届") || has_at(s, n, q + 3, "全会") ||
		                       has_at(s, n, q + 3, "全体会议"))) {
			a->why = RK_WHY_ORDINAL;
			return -1;
		}
		if (cjk_only && has_at(s, n, q, "年")) {
			/* 三年行动, 三年提质行动: a plan's name */
			size_t e = q + 3;
			for (k = 0; k < 6 && e < n; k++) {
				unsigned c = cp_at(s, n, e, &len);
				if (!is_han(c))
					break;
				if (has_at(s, n, e, "行动") || has_at(s, n, e, "攻坚") || has_at(s, n, e, "计划")) {
					a->why = RK_WHY_SLOGAN;
					return -1;
				}
				e += (size_t)len;
			}
		}
		if (match_at(s, n, q, &ws_plan_words)) {
			a->why = RK_WHY_SLOGAN;
			return -1;
		}
		/* words */
		if (cjk_only && match_at(s, n, p, &ws_num_words)) {
			a->why = RK_WHY_WORD;
			return -1;
		}
		if (cjk_only && (prev == 0x6570 || prev == 0x51E0 || next == 0x51E0)) {
			a->why = RK_WHY_WORD;   /* 数十 几十 十几: vague */
			return -1;
		}
	}

	/* the unit, past 余/多 between number and unit (400多份, 3000余人) */
	j = q;
	if (has_at(s, n, j, "余") || has_at(s, n, j, "多") || has_at(s, n, j, "来")) {
		const unit *u2 = unit_at(s, n, j + 3);
		if (u2)
			j += 3;
	}
	u = j == q && kn->uq_known ? kn->uq : unit_at(s, n, j);
	if (u && u->cls == U_COUNT && u->len == 3 && has_at(s, n, j, "个") &&
	    has_at(s, n, j + 3, "多月"))
		u = NULL;   /* handled below as 个多月 */
	if (!redacted && cjk_only && num->nchars == 1 && num->v.mant == 1 && num->v.exp == 0) {
		a->why = RK_WHY_WORD;   /* 一批 一个 一次 进一步: the article */
		return -1;
	}
	if (!u && !redacted) {
		/* a range: 2—4家, 1-2个: the low end takes the high end's unit */
		size_t r = 0;
		rk_num hi;
		if (fnext == '-' || fnext == '~' || next == 0x2014 || next == 0x2013 ||
		    next == 0x81F3 || next == 0x5230)
			r = q + (size_t)len;
		if (r && has_at(s, n, r, "—"))
			r += 3;   /* —— */
		if (r && rk_num_parse(s + r, n - r, &hi) &&
		    !((hi.flags ^ num->flags) & (RK_NUM_ARABIC | RK_NUM_CJK))) {
			size_t h = r + hi.len;
			const unit *uh;
			if (has_at(s, n, h, "余") || has_at(s, n, h, "多"))
				h += 3;
			uh = unit_at(s, n, h);
			if (uh && !(uh->len == 3 && has_at(s, n, h, "年") && hi.int_digits == 4) &&
			    !has_at(s, n, h, "月") && !has_at(s, n, h, "日")) {
				memcpy(a->unit, uh->fold, uh->fold_len + 1u);
				a->len = q - p;
				return uh->cls;
			}
		}
	}
	if (!u) {
		if (!redacted && (num->flags & RK_NUM_BARE)) {
			a->why = RK_WHY_WORD;
			return -1;
		}
		if (!redacted && (((num->flags & RK_NUM_DECIMAL) && !is_han(next) && !is_latin(next)) ||
		                  ((num->flags & RK_NUM_BIGMULT) && is_han(next)))) {
			/* a measured figure without a unit: 综合指数3.51 */
			a->len = q - p;
			return U_MEASURE;
		}
		a->why = RK_WHY_NOUNIT;
		return -1;
	}
	if (!redacted) {
		size_t ab = match_before(s, p, &ws_approx_before);
		kn->ab = ab;
		/* 百 千 万 alone count only with an approximation or after a verb
		 * of reaching: 千余家 近万人 突破百亿元 */
		if ((num->flags & RK_NUM_BARE) && num->v.mant * 1 != 10 &&
		    !(num->v.mant == 1 && num->v.exp == 1) && !ab && j == q && num->infix < 0 &&
		    !match_before(s, p, &ws_reach_verbs)) {
			a->why = RK_WHY_WORD;
			return -1;
		}
		if (match_before(s, p - ab, &ws_rate_periods) &&
		    (has_at(s, n, j, "次") || has_at(s, n, j, "遍") || has_at(s, n, j, "回"))) {
			a->why = RK_WHY_RATE;
			return -1;
		}
		/* 年 after a numeral: a duration; the year case was taken above */
	}
	if (!redacted && has_at(s, n, j + u->len, "级")) {
		a->why = RK_WHY_ORDINAL;   /* 25兆瓦级, 百万千瓦级: a class */
		return -1;
	}
	memcpy(a->unit, u->fold, u->fold_len + 1u);
	ulen = u->fold_len;
	j += u->len;
	if (u->len == 3 && has_at(s, n, j - 3, "个") && has_at(s, n, j, "多月")) {
		memcpy(a->unit, "个月", sizeof "个月");
		ulen = sizeof "个月" - 1;
		j += 6;
	}
	/* 吨/天 微克/立方米 次/秒 元每吨 */
	if (has_at(s, n, j, "/") || has_at(s, n, j, "／") || has_at(s, n, j, "每")) {
		size_t sep = has_at(s, n, j, "/") ? 1 : 3;
		const unit *u2 = unit_at(s, n, j + sep);
		if (u2 && ulen + 1 + u2->fold_len < sizeof a->unit) {
			a->unit[ulen] = '/';
			memcpy(a->unit + ulen + 1, u2->fold, u2->fold_len + 1u);
			j += sep + u2->len;
		}
	}
	/* 套（间）: a bracketed alternative */
	if (has_at(s, n, j, "（") || has_at(s, n, j, "(")) {
		size_t o = has_at(s, n, j, "(") ? 1 : 3;
		const unit *u2 = unit_at(s, n, j + o);
		if (u2 && (has_at(s, n, j + o + u2->len, "）") || has_at(s, n, j + o + u2->len, ")")))
			j += o + u2->len + (has_at(s, n, j + o + u2->len, ")") ? 1 : 3);
	}
	a->len = j - p;
	return u->cls;
}

/* Approximation: before the number (超4500家), inside (10余万), between number
 * and unit (400多份), after the unit (5.5%左右). */
static void
find_approx(const char *s, size_t n, size_t p, size_t q, const rk_num *num, size_t ab,
            rk_amount *a)
{
	size_t k, end = p + a->len;
	a->approx_len = 0;
	k = ab != (size_t)-1 ? ab : match_before(s, p, &ws_approx_before);
	if (k != 0) {
		/* 上 only before a bare multiplier: 上万人, not 以上3个; and not
		 * as the end of a verb of reaching: 迈上万亿元台阶 */
		size_t b;
		unsigned v = k == 3 && p >= 6 ? cp_before(s, p - 3, &b) : 0;
		if (!(k == 3 && ends_with(s, p, "上") &&
		      (!(num->flags & RK_NUM_BARE) || v == 0x8FC8 || v == 0x8DE8 || v == 0x8DC3 ||
		       v == 0x767B || v == 0x7AD9 || v == 0x6500))) {   /* 迈 跨 跃 登 站 攀 */
			a->approx_off = p - k;
			a->approx_len = k;
			return;
		}
	}
	if (num->infix >= 0) {
		a->approx_off = p + (size_t)num->infix;
		a->approx_len = 3;
		return;
	}
	if (has_at(s, n, q, "余") || has_at(s, n, q, "多") || has_at(s, n, q, "来")) {
		a->approx_off = q;
		a->approx_len = 3;
		return;
	}
	if (has_at(s, n, q, "个多月")) {
		a->approx_off = q + 3;
		a->approx_len = 3;
		return;
	}
	if ((k = match_at(s, n, end, &ws_approx_after)) != 0) {
		a->approx_off = end;
		a->approx_len = k;
		a->len += k;
	}
}

static size_t
skip_fillers(const char *s, size_t i)
{
	size_t k;
	while ((k = match_before(s, i, &ws_fillers)) != 0)
		i -= k;
	return i;
}

static void
find_dir(rk_mscan *sc, size_t p, rk_amount *a)
{
	const char *s = sc->s;
	size_t i = skip_fillers(s, p), k;
	a->dir = 0;
	/* 分别增长18.6%、13.4%: the second inherits the first's direction */
	if (sc->last_ok && sc->last_end != (size_t)-1 && p >= sc->last_end &&
	    p - sc->last_end <= 3 && (has_at(s, sc->n, sc->last_end, "、") ||
	                              has_at(s, sc->n, sc->last_end, "和"))) {
		a->dir = sc->last_dir;
		return;
	}
	if ((k = match_before(s, i, &ws_dir_up)) != 0) {
		/* 多 and 升 alone are verbs only after 比…/同比: keep them narrow */
		if (k == 3 && (ends_with(s, i, "多") || ends_with(s, i, "升")) &&
		    !ends_with(s, i - 3, "比") && !ends_with(s, i - 3, "上年"))
			return;
		a->dir = 1;
	} else if ((k = match_before(s, i, &ws_dir_down)) != 0) {
		if (k == 3 && ends_with(s, i, "降") && ends_with(s, i - 3, "下"))
			k = 6;
		a->dir = -1;
	}
}

/* Clause bounds around the amount, at most CLAUSE_MAX characters each side.
 * Only -c needs it, so the caller asks. */
#define CLAUSE_MAX 200
void
rk_mscan_clause(const rk_mscan *sc, rk_amount *a)
{
	const char *s = sc->s;
	size_t n = sc->n, p = a->off, q = a->off + a->len;
	size_t i = p, st;
	int len, k;
	/* bounded: a line without punctuation must not make this quadratic */
	for (k = 0; i > 0 && k < CLAUSE_MAX; k++) {
		unsigned cp = cp_before(s, i, &st);
		if (is_clause_end(cp))
			break;
		i = st;
	}
	a->clause_off = i;
	i = q;
	for (k = 0; i < n && k < CLAUSE_MAX; k++) {
		unsigned cp = cp_at(s, n, i, &len);
		i += (size_t)len;
		if (is_clause_end(cp))
			break;
	}
	a->clause_len = i - a->clause_off;
}

static int
stop_char(unsigned cp)
{
	/* particles and conjunctions that end a subject phrase */
	switch (cp) {
	case 0x7684: case 0x548C: case 0x4E0E: case 0x53CA: case 0x7B49: case 0x3001:
	case 0x5E76: case 0x6216: case 0x662F: case 0x5728: case 0x4E3A: case 0x4E86:
	case 0x5171: case 0x5747: case 0x5408: case 0x5BF9: case 0x4EE5: case 0x8FDB:
	case 0x4E2D: case 0x8FBE: case 0x7D2F:
		return 1;
	}
	return 0;
}

static void
find_subject(rk_mscan *sc, size_t p, int cls, rk_amount *a)
{
	const char *s = sc->s;
	size_t n = sc->n, i, st, end = p + a->len, k, stop;
	int len, count;
	unsigned cp;

	a->subj_len = 0;
	/* after a count measure word: 22个党支部 -> 党支部 */
	if (cls == U_COUNT) {
		for (i = end, count = 0; i < n && count < 10; count++) {
			cp = cp_at(s, n, i, &len);
			/* scanbits holds rk_num_start()'s characters, and * and ＊, which
			 * are not Han */
			if (!is_han(cp) || stop_char(cp) || (scanbits[cp >> 3] >> (cp & 7) & 1))
				break;
			i += (size_t)len;
		}
		if (count >= 2) {
			a->subj_off = end;
			a->subj_len = i - end;
			return;
		}
	}
	/* else the phrase before the number, less the verbs that link it */
	i = a->approx_len && a->approx_off < p ? a->approx_off : p;
	for (;;) {
		k = match_before(s, i, &ws_subject_verbs);
		if (!k)    /* a word ends at i and starts at or after 0 */
			break;
		i -= k;
	}
	stop = sc->last_end != (size_t)-1 && sc->last_end <= i ? sc->last_end : 0;
	end = i;
	for (count = 0; i > stop && count < 24; count++) {
		const unsigned char *u = (const unsigned char *)s;
		/* lead E5-E9 after a non-ASCII byte: cp_before() gives U+5000-9FFF,
		 * Han, no quote or digit; only 的 (E7 9A 84) ends the walk */
		if (i >= 3 && u[i - 1] >= 0x80 && u[i - 3] - 0xE5u < 5) {
			if (u[i - 3] == 0xE7 && (u[i - 2] & 0x3F) == 0x1A && (u[i - 1] & 0x3F) == 0x04)
				break;
			i -= 3;
			continue;
		}
		cp = cp_before(s, i, &st);
		if (!(is_han(cp) || is_open_quote(cp) || is_close_quote(cp)) || is_digit(cp) ||
		    cp == 0x7684)
			break;
		i = st;
	}
	if (end > i) {
		a->subj_off = i;
		a->subj_len = end - i;
	}
}

/* The rest of an amount once its numeral [p, q) and unit are known. */
static int
finish(rk_mscan *sc, size_t p, size_t q, const rk_num *num, int cls, const known *kn,
       rk_amount *a)
{
	find_approx(sc->s, sc->n, p, q, num, kn->ab, a);
	find_dir(sc, p, a);
	find_subject(sc, p, cls, a);
	sc->pos = p + a->len;
	sc->last_end = sc->pos;
	sc->last_dir = a->dir;
	sc->last_ok = 1;
	return 1;
}


/* Can the three-byte character at b start a numeral? */
static inline unsigned
scan_hit3(const unsigned char *b)
{
	unsigned cp = (b[0] & 0x0Fu) << 12 | (b[1] & 0x3Fu) << 6 | (b[2] & 0x3Fu);
	return scanbits[cp >> 3] >> (cp & 7) & 1;
}

/* A byte per low twelve bits of the code points in scanbits, indexed by
 * the character's last two bytes as they are (masked 0x3F3F): no decoding,
 * one load, and only 3 in 100 Han characters of reports share the bits of
 * a numeral character.  Bytes, not bits: 16 KiB, and no shifts. */
static unsigned char lowhit[0x4000];

static inline unsigned
low_hit(const unsigned char *b)
{
	uint16_t k;
	memcpy(&k, b + 1, 2);
	return lowhit[(unsigned)k & 0x3F3Fu];
}

static void
scanbits_init(void)
{
	unsigned c;
	uint16_t probe;
	int little;
	memcpy(&probe, "\1\2", 2);
	little = probe == 0x0201;
	for (c = 0; c < 0x10000; c++)
		if (rk_num_start(c) || c == '*' || c == 0xFF0A) {
			scanbits[c >> 3] |= (unsigned char)(1u << (c & 7));
			/* as low_hit()'s two-byte load sees the last two bytes */
			lowhit[little ? (c >> 6 & 0x3F) | (c & 0x3F) << 8 : (c & 0x3F) | (c >> 6 & 0x3F) << 8] = 1;
		}
	scanbits_ready = 1;
}

/* Are the fifteen bytes at b five whole three-byte characters?  b is a
 * character boundary and the text valid UTF-8, so they are when every byte
 * is a three-byte lead (E0-EF) or a continuation byte (80-BF). */
static inline int
five_han(const unsigned char *b)
{
#ifdef __SSE2__
	__m128i v = _mm_loadu_si128((const __m128i *)b);
	__m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0));   /* signed: 80-BF */
	__m128i lead = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xF0)),
	                              _mm_set1_epi8((char)0xE0));
	return (_mm_movemask_epi8(_mm_or_si128(cont, lead)) & 0x7FFF) == 0x7FFF;
#else
	return ((b[0] ^ 0xE0u) | (b[3] ^ 0xE0u) | (b[6] ^ 0xE0u) | (b[9] ^ 0xE0u) |
	        (b[12] ^ 0xE0u)) < 0x10;
#endif
}

/* Skips Han text five characters at a time while low_hit() turns all five
 * away.  Where it lets one through, that one is tested exactly and the
 * skip goes on past it if it cannot start a numeral: going back to the
 * careful loop would test the characters before it, and start the next
 * five at each of them, again.  Returns where the careful loop goes on. */
static inline size_t
skip_han(const unsigned char *u, size_t i, size_t n)
{
	while (i + 16 <= n && five_han(u + i)) {
		unsigned h = low_hit(u + i) | low_hit(u + i + 3) << 1 | low_hit(u + i + 6) << 2 |
		             low_hit(u + i + 9) << 3 | low_hit(u + i + 12) << 4;
		if (!h) {
			i += 15;
			continue;
		}
		i += 3 * (size_t)__builtin_ctz(h);
		if (scan_hit3(u + i))
			break;
		i += 3;
	}
	return i;
}

/* The first offset at or after i where a numeral may start: an ASCII digit
 * or *, or a three-byte character in scanbits; n if there is none. */
static inline size_t
next_candidate(const unsigned char *u, size_t i, size_t n)
{
	while (i < n) {
		unsigned c;
		/* the hot loop: most bytes are Han characters, three bytes each */
		i = skip_han(u, i, n);
		if (i >= n)
			break;
		c = u[i];
		if (c < 0x80) {
			if ((c >= '0' && c <= '9') || c == '*')
				return i;
			i++;
		} else if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
			if (scan_hit3(u + i))
				return i;
			i += 3;
		} else {
			i += c >= 0xF0 ? 4 : c >= 0xC0 ? 2 : 1;
		}
	}
	return n;
}

size_t
rk_mscan_marks(const char *s, size_t n, unsigned *out, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k = 0;
	if (!scanbits_ready)
		scanbits_init();
	while ((i = next_candidate(u, i, n)) < n) {
		if (k == max)
			return (size_t)-1;
		out[k++] = (unsigned)i;
		i += u[i] < 0x80 ? 1 : 3;
	}
	return k;
}

void
rk_mscan_use_marks(rk_mscan *sc, const unsigned *marks, size_t nmarks)
{
	sc->marks = marks;
	sc->nmarks = nmarks;
	sc->mi = 0;
}

int
rk_mscan_next(rk_mscan *sc, rk_amount *a)
{
	const unsigned char *u = (const unsigned char *)sc->s;
	const char *s = sc->s;
	size_t n = sc->n, i = sc->pos, p, q;
	rk_num num;
	known kn;
	int cls, len;

	if (!scanbits_ready)
		scanbits_init();
	while (i < n) {
		unsigned c, cp;
		if (sc->marks) {
			/* found ahead: the next at or after i */
			while (sc->mi < sc->nmarks && sc->marks[sc->mi] < i)
				sc->mi++;
			i = sc->mi < sc->nmarks ? sc->marks[sc->mi] : n;
		} else {
			i = next_candidate(u, i, n);
		}
		if (i >= n)
			break;
		c = u[i];
		if (c < 0x80) {
			cp = c;
			len = 1;
		} else {
			cp = (c & 0x0F) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
			len = 3;
		}

		p = i;
		/* field by field: a memset of the whole struct is a rep stos at
		 * every candidate */
		a->off = p;
		a->len = 0;
		a->na = 0;
		a->v.mant = 0;
		a->v.exp = 0;
		a->unit[0] = 0;
		a->approx_off = a->approx_len = 0;
		a->dir = 0;
		a->subj_off = a->subj_len = 0;
		a->clause_off = a->clause_len = 0;
		a->why = RK_WHY_NONE;
		kn.uq = NULL;
		kn.uq_known = 0;
		kn.ab = (size_t)-1;
		if (cp == '*' || cp == 0xFF0A) {
			/* redacted: **次 **％ (a run of asterisks, then a unit) */
			size_t st;
			const unit *un;
			int cl;
			unsigned prev = cp_before(s, p, &st);
			q = p;
			while (q < n && (s[q] == '*' || has_at(s, n, q, "＊")))
				q += s[q] == '*' ? 1 : 3;
			i = q;
			if (is_digit(prev) || is_latin(prev))
				continue;
			memset(&num, 0, sizeof num);
			num.infix = -1;
			num.len = q - p;
			un = unit_at(s, n, has_at(s, n, q, "余") || has_at(s, n, q, "多") ? q + 3 : q);
			if (!un)
				continue;
			cl = classify(sc, p, q, &num, 1, a, &kn);
			if (a->why != RK_WHY_NONE)
				continue;
			a->na = 1;
			return finish(sc, p, q, &num, cl, &kn, a);
		}
		/* 一 alone is never an amount (see below): when the next character
		 * cannot go on a numeral, skip the parse (余 多 may, as 一余万) */
		if (cp == 0x4E00 && !sc->all) {
			int l2;
			unsigned nx = cp_at(s, n, p + 3, &l2);
			if (!(nx < 0x10000 && (scanbits[nx >> 3] >> (nx & 7) & 1)) && nx != 0x4F59 &&
			    nx != 0x591A) {
				i = p + 3;
				continue;
			}
		}
		if (!rk_num_parse(s + p, n - p, &num)) {
			i += (size_t)len;
			continue;
		}
		q = p + num.len;
		i = q;
		/* 一 alone is never an amount (the article, a marker, an ordinal) */
		if (!sc->all && num.nchars == 1 && cp == 0x4E00)
			continue;
		/* nor, without -a, is a number with no unit after it, unless it has a
		 * point or 万/亿 (3.51, 71.3万) or starts a range (2—4家): most Chinese
		 * numerals end here, before the rules are tried */
		if (!sc->all && !(num.flags & (RK_NUM_DECIMAL | RK_NUM_BIGMULT)) &&
		    (kn.uq_known = 1, kn.uq = unit_at(s, n, q)) == NULL) {
			int l2;
			unsigned nx = cp_at(s, n, q, &l2);
			if (nx != 0x4F59 && nx != 0x591A && nx != 0x6765 && nx != '-' && nx != 0x2014 &&
			    nx != 0x2013 && nx != '~' && nx != 0xFF5E && nx != 0xFF0D && nx != 0x81F3 &&
			    nx != 0x5230)
				continue;
		}
		cls = classify(sc, p, q, &num, 0, a, &kn);
		if (a->why != RK_WHY_NONE) {
			if (!sc->all)
				continue;
			a->len = q - p;
			a->v = num.v;
			sc->pos = q;
			return 1;
		}
		a->v = num.v;
		return finish(sc, p, q, &num, cls, &kn, a);
	}
	sc->pos = n;
	return 0;
}
