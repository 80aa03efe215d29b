/* What a paragraph is: outline markers (GB/T 9704 and the items real
 * reports use), final punctuation, page furniture, datelines, bylines. */
#include <ctype.h>
#include <string.h>

#include "internal.h"

int
rk_has_prefix(const char *s, size_t n, const char *p)
{
	size_t k;
	/* most tries fail at the first byte: spare them the strlen and memcmp */
	if (p[0] == 0)
		return 1;
	if (n == 0 || s[0] != p[0])
		return 0;
	k = strlen(p);
	return n >= k && memcmp(s, p, k) == 0;
}

/* Digit value of a Chinese numeral character, 10 for 十, -1 otherwise. */
static int
han_digit(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	/* all ten are U+4E00-5FFF: leads E4 and E5, decoded here */
	if (n < 3 || (u[0] != 0xE4 && u[0] != 0xE5))
		return -1;
	switch ((u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu)) {
	case 0x4E00: return 1;   /* 一 */
	case 0x4E8C: return 2;   /* 二 */
	case 0x4E09: return 3;   /* 三 */
	case 0x56DB: return 4;   /* 四 */
	case 0x4E94: return 5;   /* 五 */
	case 0x516D: return 6;   /* 六 */
	case 0x4E03: return 7;   /* 七 */
	case 0x516B: return 8;   /* 八 */
	case 0x4E5D: return 9;   /* 九 */
	case 0x5341: return 10;  /* 十 */
	}
	return -1;
}

/* Value of a Chinese numeral 一..九十九 at s; *len gets its bytes. */
static int
han_number(const char *s, size_t n, size_t *len)
{
	int v = 0, d = -1, tens = 0, k;
	size_t i = 0;
	while ((k = han_digit(s + i, n - i)) > 0) {
		if (k == 10) {
			if (tens)
				break;
			v = (d < 0 ? 1 : d) * 10;
			d = -1;
			tens = 1;
		} else {
			if (d >= 0)
				break;
			d = k;
		}
		i += 3;
	}
	if (d >= 0)
		v += d;
	*len = i;
	return i ? v : -1;
}

/* Arabic digits, ASCII or full-width, at most 3. */
static int
arabic_number(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int v = 0, digits = 0;
	while (digits < 4) {
		if (i < n && u[i] >= '0' && u[i] <= '9') {
			v = v * 10 + (u[i] - '0');
			i++;
		} else if (i + 3 <= n && u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] >= 0x90 &&
		           u[i + 2] <= 0x99) {
			v = v * 10 + (u[i + 2] - 0x90);
			i += 3;
		} else
			break;
		digits++;
	}
	*len = i;
	return digits > 0 && digits <= 3 ? v : -1;
}

static int
is_digit_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	return (n >= 1 && u[0] >= '0' && u[0] <= '9') ||
	       (n >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99);
}

static size_t
match_any(const char *s, size_t n, const char *const *set)
{
	if (n == 0)
		return 0;
	/* the first byte turns most away without a call */
	for (; *set; set++)
		if ((*set)[0] == s[0] && rk_has_prefix(s, n, *set))
			return strlen(*set);
	return 0;
}

static const char *const open_paren[] = { "（", "(", NULL };
static const char *const close_paren[] = { "）", ")", NULL };
static const char *const dot[] = { ".", "．", "、", NULL };
static const char *const comma[] = { "，", "、", ",", NULL };

int
rk_item_at(const char *s, size_t n, rk_marker *m)
{
	size_t k, c;
	int v;
	if (rk_has_prefix(s, n, "第")) {
		v = han_number(s + 3, n - 3, &k);
		if (v > 0 && (c = match_any(s + 3 + k, n - 3 - k, comma))) {
			m->style = ST_DI;
			m->len = 3 + k + c;
			m->num = v;
			return 1;
		}
		return 0;
	}
	v = han_number(s, n, &k);
	if (v > 0 && v < 20 && rk_has_prefix(s + k, n - k, "是")) {
		/* 一是一，二是二 and 是否 are not items */
		if (rk_has_prefix(s + k + 3, n - k - 3, "否"))
			return 0;
		m->style = ST_SHI;
		m->len = k + 3;
		m->num = v;
		return 1;
	}
	return 0;
}

/* Can a marker start with the character at s?  Every one starts with
 * （ ( a digit (ASCII or full-width) a Han numeral ① - ⑳ 附 —— or 第;
 * most paragraphs start with none of them, and this says so cheaply. */
static int
may_start_marker(const unsigned char *u, size_t n)
{
	unsigned cp;
	if (n == 0)
		return 0;
	if (u[0] < 0x80)
		return u[0] == '(' || (u[0] >= '0' && u[0] <= '9');
	if (n < 3 || (u[0] & 0xF0) != 0xE0)
		return 0;
	cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
	switch (cp) {
	case 0xFF08:   /* （ */
	case 0x9644:   /* 附 */
	case 0x2014:   /* — */
	case 0x7B2C:   /* 第 */
		return 1;
	}
	return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0x2460 && cp <= 0x2473) ||
	       han_digit((const char *)u, n) > 0;
}

int
rk_marker_at(const char *s, size_t n, rk_marker *m)
{
	size_t k, o, c;
	int v;
	const unsigned char *u = (const unsigned char *)s;

	if (!may_start_marker(u, n))
		return 0;
	if ((o = match_any(s, n, open_paren))) {
		if ((v = han_number(s + o, n - o, &k)) > 0 && (c = match_any(s + o + k, n - o - k, close_paren))) {
			m->style = ST_HAN_PAREN;
			m->len = o + k + c;
			m->num = v;
			return 1;
		}
		if ((v = arabic_number(s + o, n - o, &k)) >= 0 && (c = match_any(s + o + k, n - o - k, close_paren))) {
			m->style = ST_NUM_PAREN;
			m->len = o + k + c;
			m->num = v;
			return 1;
		}
		return 0;
	}
	if ((v = han_number(s, n, &k)) > 0 && rk_has_prefix(s + k, n - k, "、")) {
		m->style = ST_HAN_DUN;
		m->len = k + 3;
		m->num = v;
		return 1;
	}
	if ((v = arabic_number(s, n, &k)) >= 0 && (c = match_any(s + k, n - k, dot)) &&
	    !is_digit_at(s + k + c, n - k - c) && k + c < n) {
		/* 1. but not 1.5万 or a bare "2." line end */
		m->style = ST_NUM_DOT;
		m->len = k + c;
		m->num = v;
		return 1;
	}
	/* ① .. ⑳ : U+2460..U+2473 */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x91 && u[2] >= 0xA0 && u[2] <= 0xB3) {
		m->style = ST_CIRCLED;
		m->len = 3;
		m->num = u[2] - 0xA0 + 1;
		return 1;
	}
	/* 附件下载：, a page's list of files to fetch, is no appendix */
	if (rk_has_prefix(s, n, "附件") && n <= 60 && !rk_has_prefix(s + 6, n - 6, "下载")) {
		v = arabic_number(s + 6, n - 6, &k);
		if (v < 0)
			k = 0;    /* 附件2026年…: a title after the bare marker */
		m->style = ST_APPENDIX;
		m->len = 6 + k;
		m->num = v < 0 ? 0 : v;
		if (rk_has_prefix(s + m->len, n - m->len, "："))
			m->len += 3;
		else if (rk_has_prefix(s + m->len, n - m->len, ":"))
			m->len += 1;
		return 1;
	}
	/* ——这五年… : a dash item at a paragraph start */
	if (rk_has_prefix(s, n, "——") && n > 6 && !rk_has_prefix(s + 6, n - 6, "—")) {
		m->style = ST_DASH;
		m->len = 6;
		m->num = 0;
		return 1;
	}
	return rk_item_at(s, n, m);
}

/* closing quotes and brackets that may follow an end mark */
static int
is_closer(unsigned cp)
{
	switch (cp) {
	case 0x201D: case 0x2019: case 0xFF09: case 0x300B: case 0x300D: case 0x300F:
	case 0x3011: case ')': case '"': case '\'':
		return 1;
	}
	return 0;
}

int
rk_ends_final(const char *s, size_t n)
{
	int l;
	unsigned cp = rk_u8last(s, n, &l);
	while (is_closer(cp) && (size_t)l < n) {
		n -= (size_t)l;
		cp = rk_u8last(s, n, &l);
	}
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF1A: case 0x2026:   /* 。！？；：… */
	case '!': case '?': case ';': case ':': case 0xFF61:
		return 1;
	case '.': case 0xFF0E:
		/* a full stop, not the end of 2.5 or 1. */
		n -= (size_t)l;
		return !(n >= 1 && is_digit_at(s + n - 1, 1)) &&
		       !(n >= 3 && is_digit_at(s + n - 3, 3) && (unsigned char)s[n - 3] == 0xEF);
	}
	return 0;
}

int
rk_has_sentence_mark(const char *s, size_t n)
{
	static const char *const marks[] = { "。", "！", "？", "；", NULL };
	const char *const *m;
	for (m = marks; *m; m++) {
		const char *p = s, *end = s + n;
		while (p + 3 <= end && (p = memchr(p, (*m)[0], (size_t)(end - p - 2))) != NULL) {
			if (memcmp(p, *m, 3) == 0)
				return 1;
			p++;
		}
	}
	return 0;
}

static int
equals(const char *s, size_t n, const char *w)
{
	/* the first byte turns most away before the strlen */
	return n > 0 && s[0] == w[0] && strlen(w) == n && memcmp(s, w, n) == 0;
}

/* 2026-02-03 09:02:33, 2026年02月10日 07时41分: a page's time stamp */
static int
is_timestamp(const char *s, size_t n)
{
	static const char *const units[] = { "年", "月", "日", "时", "分", "秒", NULL };
	size_t i = 0, digits = 0;
	if (n > 60)
		return 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k;
		if (c >= '0' && c <= '9') { digits++; i++; continue; }
		if (c == '-' || c == ':' || c == '/' || c == ' ' || c == '.') { i++; continue; }
		if ((k = match_any(s + i, n - i, units))) { i += k; continue; }
		return 0;
	}
	return digits >= 6;
}

/* A page's line of when and by whom, with a clock time in it: a WeChat
 * article's 原创 云栖发布编辑部 2026年02月08日 08:05 浙江, a news page's
 * 2026-02-07 10:21　来源：… (no sentence, no comma) */
static int
is_stamp_line(const char *s, size_t n)
{
	size_t i;
	int clock = 0, date = 0;
	const char *colon = memchr(s, ':', n);
	if (!colon || rk_has_sentence_mark(s, n) || rk_find3(s, n, "，"))
		return 0;
	for (i = (size_t)(colon - s) >= 2 ? (size_t)(colon - s) - 2 : 0; i + 5 <= n && !clock; i++)
		clock = isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1]) && s[i + 2] == ':' &&
		        isdigit((unsigned char)s[i + 3]) && isdigit((unsigned char)s[i + 4]);
	for (i = 0; i + 10 <= n && !date; i++)
		date = isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 3]) &&
		       ((s[i + 4] == '-' && isdigit((unsigned char)s[i + 5])) ||
		        (memcmp(s + i + 4, "年", 3) == 0 && isdigit((unsigned char)s[i + 7])));
	return clock && date;
}

/* A row of a portal's table of a document's data: a line that starts
 * with one of its labels, or holds two, blanks inside them aside. */
static int
is_record_row(const char *s, size_t n)
{
	static const char *const labels[] = {
		"索引号", "主题分类", "发文机关", "成文日期", "发文字号", "发布日期", "有效性", "废止日期",
		"发布机构", "公开方式", "公开范围", "信息来源", "生成日期", "文号", "标题：", NULL
	};
	char t[300];
	size_t i, m = 0, found = 0;
	const char *const *l;
	for (i = 0; i < n && m < sizeof t; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (i + 3 <= n && memcmp(s + i, "　", 3) == 0) {
			i += 2;
			continue;
		}
		t[m++] = s[i];
	}
	for (l = labels; *l; l++) {
		size_t k = strlen(*l);
		if (memmem(t, m, *l, k)) {
			if (m >= k && memcmp(t, *l, k) == 0 && memmem(t, m, "：", 3))
				return 1;
			found++;
		}
	}
	return found >= 2;
}

int
rk_is_furniture(const char *s, size_t n)
{
	static const char *const words[] = {
		"下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "【", "】", "|", "×",
		"分享", "分享到", "分享到:", "分享到：", "分享到微信", "打印本页", "关闭窗口", "关闭",
		"返回顶部", "字号", "【字号：", "默认", "放大", "缩小", "搜索", NULL
	};
	static const char *const prefixes[] = {
		"【字号", "来源：", "来源:", "时间：", "发表时间", "发稿时间", "发布时间", "发布日期", "日期：", "作者：", "编辑：",
		"责任编辑", "浏览次数", "点击数", "字号：", "【打印", "【关闭", "【字体", "您的位置", "您当前的位置",
		"您现在的位置", "您所在的位置", "当前位置", "所在位置", "首页", "阅读量", "浏览量", "点击量", "阅读次数",
		"访问量", ">", "›", "分享：", "分享:", "分享到", "信息来源", "文章来源", "欢迎访问", "您好，欢迎",
		"设为首页", "加入收藏", NULL
	};
	const char *const *w;
	if (n > 480)    /* furniture is short, but for a table's border */
		return rk_is_web_furniture(s, n);
	for (w = words; *w; w++)
		if (equals(s, n, *w))
			return 1;
	/* 来源：… 发布时间：… 浏览次数：… may run long, but holds no sentence;
	 * a news page's 2026-02-07 10:21　来源：…　作者：… has the date first */
	if (match_any(s, n, prefixes) > 0 && (n <= 120 || !rk_has_sentence_mark(s, n)))
		return 1;
	/* a 政务公开 page's table of the document's data: 索引号 主题分类 发文机关
	 * 成文日期 发文字号 发布日期 有效性 (spaced out, too: 索 引 号) */
	if (n <= 300 && rk_find3(s, n, "：") && !rk_has_sentence_mark(s, n) &&
	    (is_record_row(s, n) || memmem(s, n, "来源：", 9) || memmem(s, n, "浏览次数", 12) ||
	     memmem(s, n, "阅读次数", 12)))
		return 1;
	return (n <= 120 && is_timestamp(s, n)) || (n <= 160 && is_stamp_line(s, n)) ||
	       rk_is_web_furniture(s, n);
}

/* A link mark of lynx -dump at s: [12]; its length, else 0. */
static size_t
link_mark(const char *s, size_t n)
{
	size_t i = 1;
	if (n < 3 || s[0] != '[')
		return 0;
	while (i < n && i < 6 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 1 && i < n && s[i] == ']' ? i + 1 : 0;
}

/* Words of a portal's link bar (无障碍 English 长者模式 登录) and a search
 * box's, seen as a line's space-parted parts. */
static int
is_nav_word(const char *s, size_t n)
{
	static const char *const nav[] = {
		"无障碍", "长者模式", "关怀模式", "关怀版", "无障碍浏览", "English", "ENGLISH", "繁體", "繁体",
		"简体", "繁體版", "简体版", "登录", "注册", "网站地图", "移动版", "手机版", "微信", "微博", "RSS",
		"邮箱", "政务微博", "政务微信", "智能问答", "(BUTTON)", "搜索", "高级搜索", "设为首页", "加入收藏",
		"RSS订阅", "网站导航", "政务服务网", "|", "首页", "网站首页", "政务公开", "信息公开", "政务服务",
		"办事服务", "互动交流", "公众参与", "机构概况", "专题专栏", "数据发布", "新闻中心", "通知公告",
		"政民互动", "走进", NULL
	};
	const char *const *w;
	for (w = nav; *w; w++)
		if (equals(s, n, *w))
			return 1;
	return 0;
}

/* The separators of a breadcrumb (江东网 > 时政 > 正文, 首页 » 信息公开):
 * " > ", " » ", " >> " */
static size_t
crumbs(const char *s, size_t n)
{
	size_t seps = 0;
	const char *q = s, *e = s + n;
	while ((q = memchr(q, ' ', (size_t)(e - q))) != NULL && q + 2 < e) {
		if ((q[1] == '>' && q[2] == ' ') || (q + 3 < e && memcmp(q + 1, "»", 2) == 0 && q[3] == ' ') ||
		    (q + 4 < e && memcmp(q + 1, ">>", 2) == 0 && q[3] == ' '))
			seps++;
		q++;
	}
	return seps;
}

/* A page's breadcrumb: 当前位置：首页 > …, or a line of its separators */
int
rk_is_breadcrumb(const char *s, size_t n)
{
	static const char *const where[] = {
		"您的位置", "您当前的位置", "您现在的位置", "您所在的位置", "当前位置", "所在位置", NULL
	};
	return n <= 300 && (match_any(s, n, where) > 0 || crumbs(s, n) >= 2);
}

/* The furniture of a saved web page, as lynx, w3m, html2text or pandoc
 * give it: a link bar or menu (parts with nav words, bullets of a few
 * characters, lynx's [12] marks), a search box, a rule of = or - or *. */
int
rk_is_web_furniture(const char *s, size_t n)
{
	static const char *const bullets[] = { "* ", "• ", "- ", "+ ", "o ", "· ", "▪ ", "■ ", NULL };
	size_t i, marks = 0, parts = 0, navs = 0, b;
	int l;
	if (n == 0 || rk_ends_final(s, n))
		return 0;    /* no furniture ends a sentence */
	/* a rule: ===== or ----- or *****, or a table's border +-----+ as
	 * wide as its widest cell (pandoc pads a cell to its longest line) */
	for (i = 0; i < n && (s[i] == '=' || s[i] == '-' || s[i] == '*' || s[i] == '_' || s[i] == ' ' ||
	                      s[i] == '+' || s[i] == '|' || s[i] == ':'); i++)
		;
	if (i == n && n >= 3)
		return 1;
	if (n > 480)
		return 0;
	/* furniture has parts: a line of one piece is at most a rule or a button */
	if (!memchr(s, ' ', n) && !memchr(s, '|', n) && !memchr(s, '[', n) && !memchr(s, '_', n) &&
	    !memchr(s, '=', n) && !memchr(s, '-', n) && !memchr(s, '*', n) && !memchr(s, '+', n) &&
	    !((unsigned char)s[0] == 0xE2 && n > 1 && (unsigned char)s[1] == 0x94) &&
	    !rk_has_prefix(s, n, "【") &&
	    !rk_find3(s, n, "　"))
		return 0;
	/* 【打印】【关闭】【收藏】, [青岚市人民政府]: buttons and a site's name */
	if ((s[0] == '[' && s[n - 1] == ']' && n <= 60) ||
	    (rk_has_prefix(s, n, "【") && n >= 3 && memcmp(s + n - 3, "】", 3) == 0 && n <= 90 &&
	     !rk_has_sentence_mark(s, n)))
		return 1;
	/* a rule drawn with box characters (w3m's tables): ┌──┬──┐ ├──┼──┤ */
	if (n >= 6 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x94) {
		for (i = 0; i + 2 < n && (unsigned char)s[i] == 0xE2 && ((unsigned char)s[i + 1] == 0x94 ||
		                                                          (unsigned char)s[i + 1] == 0x95); i += 3)
			;
		if (i == n)
			return 1;
	}
	/* a row of html2text's table of a page's data: |发文|南屏省人民政�|成�|… */
	if (s[0] == '|' && !rk_has_sentence_mark(s, n)) {
		size_t bars = 0, j;
		for (j = 0; j < n; j++)
			bars += s[j] == '|';
		if (bars >= 3 && (memmem(s, n, "：", 3) || memmem(s, n, "\uFFFD", 3) || memmem(s, n, "__", 2)))
			return 1;
	}
	if (n <= 200 && crumbs(s, n) >= 2)
		return 1;
	/* a search box: 请输入关键词______ 搜索, [请输入关键词 ]搜索 */
	if ((rk_find3(s, n, "索") && (memmem(s, n, "搜索", 6) || memmem(s, n, "检索", 6))) &&
	    (memchr(s, '_', n) || memchr(s, '[', n) || memmem(s, n, "请输入", 9)))
		return 1;
	/* a menu item: a bullet and a few characters */
	if ((b = match_any(s, n, bullets)) > 0) {
		size_t k = b;
		while (k < n && s[k] == ' ')
			k++;
		k += link_mark(s + k, n - k);
		if (rk_u8count_max(s + k, n - k, 12) <= 12)
			return 1;
	}
	/* parts parted by blanks: lynx's link marks, nav words */
	for (i = 0; i < n;) {
		size_t j = i, k;
		while (j < n && s[j] != ' ' && !(j + 3 <= n && memcmp(s + j, "　", 3) == 0))
			j++;
		if (j > i) {
			parts++;
			k = link_mark(s + i, j - i);
			marks += k > 0;
			navs += is_nav_word(s + i + k, j - i - k);
			/* 上海市人民政府无障碍: the bar's words run together in w3m */
			if (!navs && j - i > 9 && is_nav_word(s + j - 9, 9))
				navs++;
		}
		i = j;
		while (i < n && (s[i] == ' ' || (i + 3 <= n && memcmp(s + i, "　", 3) == 0)))
			i += s[i] == ' ' ? 1 : 3;
	}
	(void)l;
	/* 您好，欢迎访问…网站！ 无障碍 | 长者模式 | 繁體: a bar may hold a sentence */
	if (rk_has_sentence_mark(s, n))
		return navs >= 2 && parts >= 4;
	return marks >= 2 || (marks == 1 && link_mark(s, n) && parts <= 2 && n <= 60) ||
	       (navs >= 1 && parts >= 2);
}

/* Lines after which a scraped page has nothing of the report. */
int
rk_is_tail_trigger(const char *s, size_t n)
{
	static const char *const prefixes[] = {
		"相关报道", "相关文档", "相关附件", "相关链接", "相关新闻", "相关阅读", "扫一扫在手机",
		"》》点击", ">>点击", "责任编辑", "主办：", "主办:", "主办单位", "承办：", "承办单位", "网站标识码",
		"版权所有", "Copyright", "copyright", "©", "联系我们", "网站地图", "上一篇", "下一篇", "上一条",
		"下一条", "建议使用", "往期推荐", "往期回顾", "推荐阅读", "阅读原文", "长按识别", "写留言", "热点排行",
		"热门推荐", "网友评论", "已有0人参与", NULL
	};
	if (n <= 120 && match_any(s, n, prefixes) > 0)
		return 1;
	/* lynx -dump's list of the links */
	if (equals(s, n, "References"))
		return 1;
	return n <= 200 && rk_find3(s, n, "备") && (memmem(s, n, "ICP备", 6) || memmem(s, n, "公网安备", 12));
}

/* ——2026年1月26日在…会议上, and the ——subtitle of a feature */
int
rk_is_dateline(const char *s, size_t n)
{
	const char *p, *end = s + (n < 40 ? n : 40);
	if (!rk_has_prefix(s, n, "——"))
		return 0;
	for (p = s + 6; p + 3 <= end; p++)
		if (memcmp(p, "年", 3) == 0 && p > s + 6 && is_digit_at(p - 1, 1))
			return 1;
	return 0;
}

int
rk_is_byline(const char *s, size_t n)
{
	static const char *const prefixes[] = { "本报记者", "记者", "通讯员", "本报讯", "文/", "图/", NULL };
	if (n <= 120 && match_any(s, n, prefixes))
		return 1;
	/* a photo credit: …本报记者 某某 摄 */
	return n <= 150 && n >= 3 && memcmp(s + n - 3, "摄", 3) == 0;
}
