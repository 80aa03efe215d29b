/* Whether an amount is a result or a goal, and for which year: rmetric's
 * stance and period columns (../shared/specs/indicators.md).
 *
 * The part of the report decides first: the headings above the amount
 * (2025年工作回顾, “十五五”时期主要目标任务, 2026年重点工作) and the lead
 * of the paragraph (过去五年，… 今年，…) say whose year it is.  Then the
 * words of its sentence before it: a goal quoted in the review (预期目标),
 * a present stock in the plan (现有 目前), the A of 从A提高到B, a year
 * named (到2030年, 2025年), a run (连续16年), a level reached at the end of
 * a five-year part (达到), a policy's parameter (再延长30年).
 *
 * The words are data (lib/data/cues.tsv).  One pass: the blocks come in
 * order, each block's text is scanned once up to its last amount. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rkit.h"
#include "metric.h"
#include "chars.h"

enum cue {
	CUE_NONE,
	/* parts */
	CUE_REVIEW, CUE_FIVEPAST, CUE_FIVEGOAL, CUE_PLAN, CUE_GLOSSARY,
	/* before an amount */
	CUE_TARGET, CUE_ACTUAL, CUE_MEAN, CUE_TOTAL, CUE_RUN, CUE_FROM,
	CUE_LEVEL, CUE_DONE, CUE_SET, CUE_OTHER, CUE_FOLLOWING, CUE_GROUP, CUE_WORD, CUE_HELD
};
#include "cues.h"

const char *const rk_stance_name[] = { "", "actual", "target", "other" };

/* Parts; a heading naming two starts as the first and lets the leads of
 * its paragraphs decide. */
enum part { P_UNSET, P_REVIEW, P_FIVEPAST, P_FIVEGOAL, P_PLAN, P_GLOSSARY };
/* parts_named()'s bit for the year reviewed named by its number (2025年),
 * which makes “十四五”时期和2025年工作回顾 a heading of two parts */
#define YEAR_REVIEWED (1u << 7)
/* and for this year (2026年, 今年, 开好局): “十五五”时期主要目标和2026年重点
 * 工作 is two parts, “十五五”时期主要目标任务 one */
#define YEAR_PLANNED (1u << 8)

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* cue_words by the low ten bits of their first character */
static short cue_first[1024];
static short cue_next[NELEM(cue_words)];
/* and by the low ten bits of their last character, for cue_kinds_before() */
static short cue_last[1024];
static short cue_prev[NELEM(cue_words)];
/* the characters scan_to() stops at: the cue words' first characters and
 * the punctuation that ends a clause or a sentence */
static unsigned char scan_bits[2][0x10000 / 8];
/* the same by the low twelve bits, read off a three-byte character's last
 * two bytes without decoding it: most Han characters are turned away here */
static unsigned char scan_low[2][4096];
/* [1] with the verbs of doing, which only a five-year part asks about */
/* the characters a lead may start with: the parts' words', 各 刚 “ and
 * the digits of a year */
static unsigned char lead_bits[0x10000 / 8];
/* the same by the low twelve bits, as scan_low */
static unsigned char lead_low[4096];
static int cues_ready;

static void
cues_init(void)
{
	size_t i;
	int len;
	memset(cue_first, -1, sizeof cue_first);
	memset(cue_last, -1, sizeof cue_last);
	for (i = NELEM(cue_words); i-- > 0;) {
		size_t st;
		unsigned cp = cp_at(cue_words[i].w, cue_words[i].len, 0, &len);
		cue_next[i] = cue_first[cp & 1023];
		cue_first[cp & 1023] = (short)i;
		/* only the kinds scan_to() keeps, and the words that hide them */
		if (cp < 0x10000) {
			enum cue c = cue_words[i].cue;
			int t;
			for (t = 0; t < 2; t++)
				if (c == CUE_TARGET || c == CUE_ACTUAL || c == CUE_MEAN || c == CUE_TOTAL ||
				    c == CUE_WORD || c == CUE_HELD || c == CUE_RUN || (t && c == CUE_DONE)) {
					scan_bits[t][cp >> 3] |= (unsigned char)(1u << (cp & 7));
					scan_low[t][cp & 4095] = 1;
				}
			if (c <= CUE_GLOSSARY)
				lead_bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
		}
		cp = cp_before(cue_words[i].w, cue_words[i].len, &st);
		cue_prev[i] = cue_last[cp & 1023];
		cue_last[cp & 1023] = (short)i;
	}
	{
		static const unsigned stops[] = { U'。', U'；', U'！', U'？', U'，', U'：' };
		static const unsigned leads[] = { U'各', U'刚', U'“', '0', '1', '2', '3', '4', '5',
		                                  '6', '7', '8', '9', U'〇', U'二' };
		int t;
		for (i = 0; i < NELEM(stops); i++)
			for (t = 0; t < 2; t++) {
				scan_bits[t][stops[i] >> 3] |= (unsigned char)(1u << (stops[i] & 7));
				scan_low[t][stops[i] & 4095] = 1;
			}
		static const char cjk[] = RK_CJK_NUMERALS;
		for (i = 0; i < NELEM(leads); i++)
			lead_bits[leads[i] >> 3] |= (unsigned char)(1u << (leads[i] & 7));
		/* a year may start a lead or a heading's part: every digit */
		for (i = 0; i < 10; i++)
			lead_bits[('0' + i) >> 3] |= (unsigned char)(1u << (('0' + i) & 7));
		for (i = 0; i < sizeof cjk - 1; i += (size_t)len) {
			unsigned cp = cp_at(cjk, sizeof cjk - 1, i, &len);
			if (rk_cjk_digit(cp) >= 0)
				lead_bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
		}
		for (i = 0; i < 0x10000; i += 8)
			if (lead_bits[i >> 3]) {
				int b;
				for (b = 0; b < 8; b++)
					if (lead_bits[i >> 3] >> b & 1)
						lead_low[(i + (size_t)b) & 4095] = 1;
			}
	}
	cues_ready = 1;
}

/* The longest cue word at s[i]: its index, or -1. */
static int
cue_at(const char *s, size_t n, size_t i)
{
	int len, k, best = -1;
	unsigned cp = cp_at(s, n, i, &len);
	for (k = cue_first[cp & 1023]; k >= 0; k = cue_next[k])
		if (cue_words[k].w[len - 1] == s[i + (size_t)len - 1] &&
		    has_atn(s, n, i, cue_words[k].w, cue_words[k].len) &&
		    (best < 0 || cue_words[k].len > cue_words[best].len))
			best = k;
	return best;
}

/* The kinds of the cue words ending at s[i], a bit per enum cue: one walk
 * for all the kinds an amount asks about. */
static unsigned
cue_kinds_before(const char *s, size_t i)
{
	size_t st;
	unsigned kinds = 0;
	int k;
	unsigned cp = cp_before(s, i, &st);
	for (k = cue_last[cp & 1023]; k >= 0; k = cue_prev[k])
		if (cue_words[k].w[cue_words[k].len - 1] == s[i - 1] &&
		    ends_withn(s, i, cue_words[k].w, cue_words[k].len))
			kinds |= 1u << cue_words[k].cue;
	return kinds;
}

/* A year written 2026 or 二〇二六 at s[i], followed by 年: its value, and
 * *len its bytes with the 年; else 0. */
static int
year_at(const char *s, size_t n, size_t i, size_t *len)
{
	rk_num num;
	unsigned long long v;
	int e, cl;
	unsigned cp = cp_at(s, n, i, &cl);
	if (cp - '0' >= 10 && rk_cjk_digit(cp) < 0)   /* the common case: no numeral */
		return 0;
	/* a year's second character is a digit too (2026, 二〇二六): 一是 一批
	 * 2个 are turned away before the parser */
	if (i + (size_t)cl < n) {
		int l2;
		unsigned c2 = cp_at(s, n, i + (size_t)cl, &l2);
		if (c2 - '0' >= 10 && rk_cjk_digit(c2) < 0)
			return 0;
	}
	if (!rk_num_parse(s + i, n - i, &num) || !has_at(s, n, i + num.len, "年"))
		return 0;
	if (num.flags & (RK_NUM_DECIMAL | RK_NUM_BIGMULT | RK_NUM_BAD))
		return 0;
	if ((num.flags & RK_NUM_CJK) && !(num.flags & RK_NUM_POSITIONAL))
		return 0;
	for (v = num.v.mant, e = num.v.exp; e > 0; e--)
		v *= 10;
	if (num.v.exp < 0 || v < 1950 || v > 2100)
		return 0;
	*len = num.len + 3;
	return (int)v;
}

void
rk_ind_doc(rk_ind *d)
{
	if (!cues_ready)
		cues_init();
	memset(d, 0, sizeof *d);
}

/* The parts a title or heading names: a bit per enum part. */
static unsigned
parts_named(const rk_ind *d, const char *s, size_t n, int *year)
{
	unsigned bits = 0;
	size_t i = 0, yl;
	int k, len, y;
	*year = 0;
	while (i < n) {
		unsigned cp = cp_at(s, n, i, &len);
		if (!len)
			break;
		/* most characters start neither a year nor a part's word */
		if (cp >= 0x10000 || !(lead_bits[cp >> 3] >> (cp & 7) & 1)) {
			i += (size_t)len;
			continue;
		}
		if ((y = year_at(s, n, i, &yl)) != 0) {
			if (!*year)
				*year = y;
			if (d->plan_year && y == d->plan_year)
				bits |= 1u << P_PLAN | YEAR_PLANNED;
			else if (d->plan_year && y == d->plan_year - 1)
				bits |= 1u << P_REVIEW | YEAR_REVIEWED;
			i += yl;
			continue;
		}
		if ((k = cue_at(s, n, i)) >= 0 && cue_words[k].cue <= CUE_GLOSSARY) {
			static const unsigned char part_of[] = {
				[CUE_REVIEW] = P_REVIEW, [CUE_FIVEPAST] = P_FIVEPAST,
				[CUE_FIVEGOAL] = P_FIVEGOAL, [CUE_PLAN] = P_PLAN, [CUE_GLOSSARY] = P_GLOSSARY,
			};
			bits |= 1u << part_of[cue_words[k].cue];
			if (has_at(s, n, i, "过去一年") || has_at(s, n, i, "过去的一年"))
				bits |= YEAR_REVIEWED;
			if (has_at(s, n, i, "今年") || has_at(s, n, i, "开好局"))
				bits |= YEAR_PLANNED;
			i += cue_words[k].len;
			continue;
		}
		cp_at(s, n, i, &len);
		i += (size_t)(len ? len : 1);
	}
	return bits;
}

/* One part for a heading naming several: the glossary, then a five-year
 * part named with its neighbour year (“十四五”时期和2025年工作回顾 stays a
 * review until a lead says 过去五年), then the rest. */
static enum part
one_part(unsigned bits)
{
	if (bits & 1u << P_GLOSSARY)
		return P_GLOSSARY;
	if (bits & 1u << P_FIVEPAST)
		return bits & YEAR_REVIEWED ? P_REVIEW : P_FIVEPAST;
	if (bits & 1u << P_FIVEGOAL)
		return bits & YEAR_PLANNED ? P_PLAN : P_FIVEGOAL;
	if (bits & 1u << P_REVIEW)
		return P_REVIEW;
	if (bits & 1u << P_PLAN)
		return P_PLAN;
	return P_UNSET;
}

/* The report's year from its title: 2026年…政府工作报告 plans for 2026;
 * 2022年工作总结 reviews 2022 and plans for 2023. */
static void
title_year(rk_ind *d, const char *s, size_t n)
{
	int year;
	unsigned bits = parts_named(d, s, n, &year);
	if (memmem(s, n, "政府工作报告", strlen("政府工作报告")))
		d->gov = 1;
	if (!year || d->plan_year)
		return;
	d->plan_year = (bits & 1u << P_REVIEW) || memmem(s, n, "侧记", strlen("侧记")) ? year + 1 : year;
}

/* A dateline (——2026年1月27日在…, 二〇二六年一月二十七日) is the day the
 * report is given: in the year it plans for. */
static void
dateline_year(rk_ind *d, const char *s, size_t n)
{
	size_t i, yl;
	int y, len;
	for (i = 0; i < n && i < 64; i += (size_t)(len ? len : 1)) {
		if ((y = year_at(s, n, i, &yl)) != 0) {
			rk_num m;
			size_t j = i + yl;
			if (rk_num_parse(s + j, n - j, &m) && has_at(s, n, j + m.len, "月")) {
				d->plan_year = y;
				return;
			}
			/* ——商洛市生态环境局2023年党建工作侧记: a subtitle */
			title_year(d, s, n);
			return;
		}
		cp_at(s, n, i, &len);
	}
}

/* Only a quote and the words that look back or say when (在 回望 回顾 纵观)
 * stand in [b, e)?  回望“十四五”…, 在“十五五”时期 begin with the time;
 * 加快建设“十四五”批复的 names a plan. */
static int
time_before(const char *s, size_t b, size_t e)
{
	while (b < e) {
		if (has_at(s, e, b, "“"))
			b += 3;
		else if (has_at(s, e, b, "在"))
			b += 3;
		else if (has_at(s, e, b, "回望") || has_at(s, e, b, "回顾") || has_at(s, e, b, "纵观"))
			b += 6;
		else
			return 0;
	}
	return 1;
}

/* A paragraph's lead: a part word or a year among its first words, before
 * its first comma (过去五年，… 刚刚过去的2025年很不平凡。 各位代表！“十四五”
 * 以来，…). */
#define LEAD_CHARS 6
static enum part
lead_part(rk_ind *d, const char *s, size_t n)
{
	size_t i = 0, yl, lead0;
	int k, len, y, c;
	if (has_at(s, n, 0, "各位代表"))   /* the address before the lead */
		i = strlen("各位代表") + 3;
	lead0 = i;
	for (c = 0; c < LEAD_CHARS && i < n; c++) {
		const unsigned char *u = (const unsigned char *)s + i;
		unsigned cp;
		/* a Han character (E4-E9) that starts no lead: one table test */
		if (u[0] - 0xE4u < 6 && i + 3 <= n && !lead_low[(u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu)]) {
			i += 3;
			continue;
		}
		cp = cp_at(s, n, i, &len);
		if (cp == U'，' || cp == U'。' || cp == U'：' || cp == U'；')
			return P_UNSET;
		if (cp >= 0x10000 || !(lead_bits[cp >> 3] >> (cp & 7) & 1)) {
			i += (size_t)(len ? len : 1);
			continue;
		}
		if ((y = year_at(s, n, i, &yl)) != 0) {
			if (!d->plan_year)
				return P_UNSET;
			if (y == d->plan_year - 1)
				return P_REVIEW;
			/* 2026年以来 is the review too */
			if (y == d->plan_year)
				return has_at(s, n, i + yl, "以来") ? P_REVIEW : P_PLAN;
			return P_UNSET;
		}
		if ((k = cue_at(s, n, i)) >= 0) {
			/* 加快建设“十四五”批复的…, 出台“十五五”支持…的政策: the plan's
			 * name after a verb is not the sentence's time; only at the
			 * start (after a quote or 在) is it */
			if ((cue_words[k].cue == CUE_FIVEPAST || cue_words[k].cue == CUE_FIVEGOAL) &&
			    has_at(cue_words[k].w, cue_words[k].len, 0, "十") && !time_before(s, lead0, i)) {
				i += cue_words[k].len;
				continue;
			}
			switch (cue_words[k].cue) {
			case CUE_FIVEPAST:
				return P_FIVEPAST;
			case CUE_FIVEGOAL:
				return P_FIVEGOAL;
			case CUE_REVIEW:
				/* only the review words that begin a sentence: 过去一年 一年来 */
				if (has_at(s, n, i, "过去") || has_at(s, n, i, "一年来"))
					return P_REVIEW;
				return P_UNSET;
			case CUE_PLAN:
				/* 今年; 今年以来 is so far this year: the review, and in
				 * a work summary 今年 is the year summed up */
				if (!has_at(s, n, i, "今年"))
					return P_UNSET;
				if (has_at(s, n, i + cue_words[k].len, "以来") || !d->gov)
					return P_REVIEW;
				return P_PLAN;
			default:
				break;
			}
			i += cue_words[k].len;
			continue;
		}
		i += (size_t)(len ? len : 1);
	}
	return P_UNSET;
}

static void sentence_lead(rk_ind *d, const char *s, size_t n, size_t p);

/* Where the next sentence starts, at or after p and before lim: just past
 * a 。；！？ or a newline (which parts the paragraphs of rsplit's rows); lim
 * if none.  n is the end of the text, which may be read up to. */
static size_t
next_sentence(const unsigned char *u, size_t p, size_t lim, size_t n, int semi)
{
	/* semi: an ASCII ; ends a sentence too (scan_to() has it so) */
	const unsigned char sc = semi ? ';' : '\n';
	while (p < lim) {
		unsigned m;
		size_t step = 1;
#ifdef __SSE2__
		if (p + 18 <= n) {
			/* sixteen places at a time: the second and third bytes of 。
			 * (80 82) and of ；！？ (BC and 9B 81 9F) side by side, which
			 * Han characters almost never hold, and the newline and ; */
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + p));
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + p + 1));
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(u + p + 2));
			__m128i full = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8((char)0x9B)),
			                                         _mm_cmpeq_epi8(w, _mm_set1_epi8((char)0x81))),
			                            _mm_cmpeq_epi8(w, _mm_set1_epi8((char)0x9F)));
			__m128i stop = _mm_or_si128(
				_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x80)),
				              _mm_cmpeq_epi8(w, _mm_set1_epi8((char)0x82))),
				_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xBC)), full));
			stop = _mm_or_si128(stop, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')),
			                                       _mm_cmpeq_epi8(x, _mm_set1_epi8((char)sc))));
			m = (unsigned)_mm_movemask_epi8(stop);
			step = 16;
		} else
#endif
			m = u[p] == 0xE3 || u[p] == 0xEF || u[p] == '\n' || u[p] == sc;
		for (; m; m &= m - 1) {
			size_t at = p + (size_t)__builtin_ctz(m);
			if (at >= lim)
				return lim;
			if (u[at] == '\n' || u[at] == sc)
				return at + 1;
			if (at + 3 <= n &&
			    ((u[at] == 0xE3 && u[at + 1] == 0x80 && u[at + 2] == 0x82) ||
			     (u[at] == 0xEF && u[at + 1] == 0xBC &&
			      (u[at + 2] == 0x9B || u[at + 2] == 0x81 || u[at + 2] == 0x9F))))
				return at + 3;
		}
		p += step;
	}
	return lim;
}

/* Does the sentence at s say the new plan was drafted (我们编制了“十五五”
 * 规划纲要, 提出…第十五个五年规划的建议)?  Under “十四五”时期发展成就和
 * “十五五”时期主要目标 it sets out the goals from there on. */
static int
drafts_plan(const char *s, size_t n)
{
	/* up to the sentence's end, whichever mark ends it: each sentence is
	 * read once */
	size_t m = next_sentence((const unsigned char *)s, 0, n, n, 1);
	return (memmem(s, m, "十五五", strlen("十五五")) || memmem(s, m, "规划纲要", strlen("规划纲要"))) &&
	       (memmem(s, m, "编制", strlen("编制")) || memmem(s, m, "制定", strlen("制定")));
}

/* The rest of the block past its last amount: the parts its
 * sentences name still count for what follows (…。“十四五”这五年，… with
 * no amount after it), as they do when rsplit gives each sentence a row. */
void
rk_ind_end(rk_ind *d)
{
	const unsigned char *u = (const unsigned char *)d->s;
	size_t p = d->pos, n = d->n;
	if (!d->s)
		return;
	if (d->marks) {   /* found ahead */
		for (; d->mi < d->nmarks; d->mi++) {
			size_t q = d->marks[d->mi] & ~RK_MARK_SENTENCE;
			if ((d->marks[d->mi] & RK_MARK_SENTENCE) && q > p && q < n)
				sentence_lead(d, d->s, n, q);
		}
	} else {
		while ((p = next_sentence(u, p, n, n, 1)) < n)
			sentence_lead(d, d->s, n, p);
	}
	d->pos = n;
	d->s = NULL;   /* the reader may reuse the text */
}

void
rk_ind_block(rk_ind *d, const rk_block *b)
{
	const char *s = b->text;
	size_t n = b->len;
	d->s = s;
	d->n = n;
	d->pos = 0;
	d->marks = b->marks;
	d->nmarks = b->nmarks;
	d->mi = 0;
	d->target = d->actual = d->mean = d->total = d->done = d->held = d->run = 0;
	d->future = d->named = 0;
	switch (b->kind) {
	case RK_TITLE:
		title_year(d, s, n);
		break;
	case RK_META:
		if (!d->plan_year)
			dateline_year(d, s, n);
		break;
	case RK_HEADING: {
		int year, lv = b->level < 1 ? 1 : b->level >= RK_IND_LEVELS ? RK_IND_LEVELS - 1 : b->level;
		unsigned bits;
		enum part p;
		const char *t = s + b->title_off;
		size_t tl = b->title_len;
		bits = parts_named(d, t, tl, &year);
		/* 2025年工作回顾 before any title year: the report plans for 2026 */
		if (!d->plan_year && year) {
			if (bits & 1u << P_REVIEW)
				d->plan_year = year + 1;
			else if (bits & 1u << P_PLAN)
				d->plan_year = year;
			if (d->plan_year)
				bits = parts_named(d, t, tl, &year);
		}
		p = one_part(bits);
		if (lv == 1) {
			d->fused = (bits & 1u << P_FIVEPAST) && (bits & 1u << P_FIVEGOAL);
			/* a heading that names no part: a government work report's
			 * parts come in their order (review, goals, this year's
			 * work, the government's own), so after the review it is
			 * the work ahead; elsewhere it goes on with the last part */
			if (p == P_UNSET)
				p = d->tops == 0 ? P_REVIEW
				    : d->gov && (d->last_top == P_REVIEW || d->last_top == P_FIVEPAST) ? P_PLAN
				    : (enum part)d->last_top;
			d->tops++;
			d->last_top = p;
			d->lead = P_UNSET;
		} else if (p != P_UNSET) {
			d->lead = P_UNSET;
		}
		memset(d->part + lv, 0, sizeof d->part - (size_t)lv);
		d->part[lv] = (unsigned char)p;
		break;
	}
	case RK_PARA:
		/* any block, not only a paragraph's first: read from rsplit's
		 * rows, a paragraph may go on in its heading's row */
		/* a work summary's first words: 2023年，… is its year */
		if (!d->plan_year && !d->paras) {
			size_t yl;
			int y = year_at(s, n, 0, &yl);
			if (y)
				d->plan_year = y + 1;
		}
		sentence_lead(d, s, n, 0);
		d->paras++;
		break;
	default:
		break;
	}
}

static enum part part_now(const rk_ind *d);

/* A part named at a sentence's start, at s[p]: 2025年是…收官之年。过去五年，… */
static void
sentence_lead(rk_ind *d, const char *s, size_t n, size_t p)
{
	enum part lp;
	if (p >= n)
		return;
	lp = lead_part(d, s + p, n - p);
	if (lp != P_UNSET)
		d->lead = lp;
	else if (d->fused && d->lead != P_FIVEGOAL && drafts_plan(s + p, n - p))
		d->lead = P_FIVEGOAL;
}

/* Is the part in force a five-year one (where the verbs of doing count)? */
static int
part_is_five(const rk_ind *d)
{
	enum part p = part_now(d);
	return p == P_FIVEPAST || p == P_FIVEGOAL;
}

/* Scans the block's text from d->pos to i, keeping the cues of the
 * sentence and of the clause the amount stands in. */
static void
scan_to(rk_ind *d, size_t i)
{
	const char *s = d->s;
	const unsigned char *u = (const unsigned char *)s;
	size_t n = d->n, p = d->pos, yl, q;
	int k, len, y, five;
	/* the sentences wholly before the amount's own: only their starts
	 * count (a lead), and the cues they hold end with them */
	for (;;) {
		if (d->marks) {   /* found ahead */
			unsigned m;
			for (; d->mi < d->nmarks; d->mi++) {
				m = d->marks[d->mi];
				if ((m & RK_MARK_SENTENCE) && (m & ~RK_MARK_SENTENCE) > p)
					break;
			}
			q = d->mi < d->nmarks ? d->marks[d->mi] & ~RK_MARK_SENTENCE : i;
			if (q >= i)
				break;
			d->mi++;
		} else if ((q = next_sentence(u, p, i, n, 1)) >= i) {
			break;
		}
		p = q;
		d->target = d->actual = d->mean = d->total = d->done = d->held = d->run = 0;
		d->future = d->named = 0;
		sentence_lead(d, s, n, p);
	}
	five = part_is_five(d);
	while (p < i) {
		unsigned cp, c = u[p];
		/* most characters are Han and start no cue: one table test */
		if (c >= 0xE0 && c < 0xF0 && p + 3 <= n &&
		    !scan_low[five][(u[p + 1] & 0x3Fu) << 6 | (u[p + 2] & 0x3Fu)]) {
			p += 3;
			continue;
		}
		if (c >= 0xE0 && c < 0xF0 && p + 3 <= n) {
			cp = (c & 0x0Fu) << 12 | (u[p + 1] & 0x3Fu) << 6 | (u[p + 2] & 0x3Fu);
			if (!(scan_bits[five][cp >> 3] >> (cp & 7) & 1)) {
				p += 3;
				continue;
			}
			len = 3;
		} else if (c < 0x80) {
			cp = c;
			len = 1;
			if (c - '0' >= 10 && c != ';' && c != ',' && c != '\n') {
				p++;
				continue;
			}
		} else {
			cp = cp_at(s, n, p, &len);
		}
		/* a newline: paragraphs that rsplit's rows hold together */
		if (cp == U'。' || cp == U'；' || cp == U'！' || cp == U'？' || cp == ';' || cp == '\n') {
			p += (size_t)len;
			d->target = d->actual = d->mean = d->total = d->done = d->held = d->run = 0;
			d->future = d->named = 0;
			sentence_lead(d, s, n, p);
			five = part_is_five(d);
			continue;
		}
		if (cp == U'，' || cp == U'：' || cp == ',') {
			p += (size_t)len;
			/* 围绕“安全”目标，完成投资8.6亿元: a goal word of another clause */
			d->target = d->mean = d->total = d->done = d->held = d->run = 0;
			d->named = 0;
			continue;
		}
		if (cp - '0' < 10) {
			/* a year in the text: 2025年 (二〇二五年 stands in datelines,
			 * read by dateline_year()) */
			if (p + 7 <= n && u[p + 1] - '0' < 10 && u[p + 2] - '0' < 10 &&
			    u[p + 3] - '0' < 10 && has_at(s, n, p + 4, "年") &&
			    (p == 0 || u[p - 1] - '0' >= 10) && (y = year_at(s, n, p, &yl)) != 0) {
				/* 到2030年 至2027年 2027年前: a goal's year; 比2020年 较2020年:
				 * a base, not the amount's year */
				if (ends_with(s, p, "到") || ends_with(s, p, "至") ||
				    has_at(s, n, p + yl, "前") || has_at(s, n, p + yl, "底前"))
					d->future = y;
				else if (!ends_with(s, p, "比") && !ends_with(s, p, "较") &&
				         !ends_with(s, p, "与") && !ends_with(s, p, "同"))
					d->named = y;
				p += yl;
				continue;
			}
			while (p < i && u[p] - '0' < 10)   /* the rest of the number */
				p++;
			continue;
		}
		if ((k = cue_at(s, n, p)) >= 0) {
			switch (cue_words[k].cue) {
			case CUE_TARGET: d->target = 1; break;
			case CUE_ACTUAL: d->actual = 1; break;
			case CUE_MEAN: d->mean = 1; break;
			case CUE_TOTAL: d->total = 1; break;
			case CUE_DONE: d->done = 1; break;
			case CUE_HELD: d->held = 1; break;
			case CUE_RUN: {
				/* 连续两年过万亿元, 连续13个月正增长: the run's years */
				rk_num num;
				size_t q = p + strlen("连续");
				if (rk_num_parse(s + q, n - q, &num) && num.v.exp == 0 && num.v.mant > 0 &&
				    num.v.mant < 200) {
					if (has_at(s, n, q + num.len, "年"))
						d->run = (int)num.v.mant;
					else if (has_at(s, n, q + num.len, "个月"))
						d->run = (int)(num.v.mant + 11) / 12;
				}
				p += strlen("连续");
				continue;
			}
			default: break;
			}
			p += cue_words[k].len;
			continue;
		}
		p += (size_t)(len ? len : 1);
	}
	d->pos = p > i ? p : i;
}

/* The part in force: a paragraph's lead, else the deepest heading's. */
static enum part
part_now(const rk_ind *d)
{
	int lv;
	if (d->lead != P_UNSET)
		return (enum part)d->lead;
	for (lv = RK_IND_LEVELS - 1; lv >= 1; lv--)
		if (d->part[lv] != P_UNSET)
			return (enum part)d->part[lv];
	return P_REVIEW;   /* a summary without headings reports */
}

/* Units that count what happened (两次亲临视察): over a span, not a stock. */
static int
occurrences(const char *unit)
{
	return strcmp(unit, "次") == 0 || strcmp(unit, "场") == 0 || strcmp(unit, "届") == 0 ||
	       strcmp(unit, "批") == 0 || strcmp(unit, "轮") == 0;
}

/* Skips back over what may stand between a cue and its number. */
static size_t
back_fillers(const char *s, size_t i)
{
	/* 的 了 约 近 超 逾, and 超过: the 达 of 达到 is the level's */
	for (;;) {
		if (ends_with(s, i, "超过"))
			i -= 6;
		else if (ends_with(s, i, "的") || ends_with(s, i, "了") || ends_with(s, i, "约") ||
		         ends_with(s, i, "近") || ends_with(s, i, "超") || ends_with(s, i, "逾"))
			i -= 3;
		else
			return i;
	}
}

/* A word of kind cue ending within the few characters before i, all Han
 * (全球首款量产级9兆瓦时); the word ending at i itself is the caller's. */
static int
cue_within(const char *s, size_t i, enum cue cue, int chars)
{
	size_t st;
	for (; chars > 0; chars--) {
		if (!is_han(cp_before(s, i, &st)))
			return 0;
		i = st;
		if (cue_kinds_before(s, i) >> cue & 1)
			return 1;
	}
	return 0;
}

/* A word of kind cue within the few characters after the amount, before
 * any punctuation (18条政策举措, 24个主要指标). */
static int
cue_after(const char *s, size_t n, size_t i, enum cue cue, int chars)
{
	int k, len;
	for (; chars > 0 && i < n; chars--) {
		unsigned cp = cp_at(s, n, i, &len);
		if (!is_han(cp))
			return 0;
		if ((k = cue_at(s, n, i)) >= 0 && cue_words[k].cue == cue)
			return 1;
		i += (size_t)len;
	}
	return 0;
}

/* A span of years and a verb of change just before the amount (3年增长,
 * 五年增长, 5年提高): the years, 2 to 20; else 0. */
static int
years_before_change(const char *s, size_t i)
{
	size_t v = rk_change_before(s, i), e, b, st;
	rk_num num;
	if (!v || i < v + 3 || !ends_with(s, i - v, "年"))
		return 0;
	/* the numeral before 年, ending at e: ASCII digits or Chinese numerals */
	e = b = i - v - 3;
	while (b > 0) {
		unsigned cp = cp_before(s, b, &st);
		if (!(cp - '0' < 10 || rk_cjk_digit(cp) >= 0 || cp == U'十'))
			break;
		b = st;
	}
	if (b == e || !rk_num_parse(s + b, e - b, &num) || num.len != e - b || num.v.exp != 0 ||
	    num.v.mant < 2 || num.v.mant > 20)
		return 0;
	return (int)num.v.mant;
}

void
rk_ind_amount(rk_ind *d, const rk_amount *a, rk_when *w)
{
	const char *s = d->s;
	size_t p = a->approx_len && a->approx_off < a->off ? a->approx_off : a->off, i;
	enum part part;
	size_t end;
	int P = d->plan_year;
	int from = 0, level = 0, span;
	unsigned kinds;

	if (p < d->pos)   /* an amount inside the last one's reach: same cues */
		p = d->pos;
	scan_to(d, p);
	part = part_now(d);
	i = back_fillers(s, p);
	kinds = cue_kinds_before(s, i);
	from = kinds >> CUE_FROM & 1;
	level = kinds >> CUE_LEVEL & 1;

	w->stance = RK_TARGET;
	w->y0 = w->y1 = 0;
	switch (part) {
	case P_REVIEW:   w->stance = RK_ACTUAL; w->y0 = w->y1 = P - 1; break;
	case P_FIVEPAST: w->stance = RK_ACTUAL; w->y0 = P - 5; w->y1 = P - 1; break;
	case P_FIVEGOAL: w->y0 = P; w->y1 = P + 4; break;
	case P_GLOSSARY: w->stance = RK_OTHER; break;
	default:         w->y0 = w->y1 = P; break;
	}
	if (part == P_GLOSSARY)
		goto done;
	end = a->off + a->len;
	if ((kinds >> CUE_OTHER & 1) || cue_within(s, i, CUE_OTHER, 3) || cue_after(s, d->n, end, CUE_FOLLOWING, 4) ||
	    ((ends_with(s, end, "以上") || ends_with(s, end, "以下")) && !a->counted &&
	     cue_after(s, d->n, end, CUE_GROUP, 6)) ||
	    (ends_with(s, i, "总投资") && has_at(s, d->n, end, "的"))) {
		/* 再延长30年, 18条政策举措, 亿元以上(重点技改)项目, 总投资2万亿元的
		 * 389个项目: a parameter, a plan's structure, a threshold, what
		 * describes a set: neither a result nor a goal */
		w->stance = RK_OTHER;
	} else if (kinds >> CUE_RUN & 1) {
		/* 连续16年排名第一, said in 2026: 2010-2025; 连续3次: no span */
		w->stance = RK_ACTUAL;
		if (strcmp(a->unit, "年") == 0 && !a->na && a->v.exp == 0 && a->v.mant > 0 &&
		    a->v.mant < 200) {
			w->y0 = P - (int)a->v.mant;
			w->y1 = P - 1;
		} else if (strcmp(a->unit, "个月") == 0 && !a->na && a->v.exp == 0 &&
		           a->v.mant > 0 && a->v.mant < 2400) {
			/* 连续13个月正增长: the months ending last December */
			w->y0 = P - 1 - (int)(a->v.mant - 1) / 12;
			w->y1 = P - 1;
		} else {
			w->y0 = w->y1 = 0;
			P = 1;   /* no period, and none to wait for */
		}
	} else if ((part == P_REVIEW || part == P_FIVEPAST) &&
	           ((span = years_before_change(s, i)) != 0 ||
	            (strcmp(a->unit, "年") == 0 && !a->na && a->v.exp == 0 && a->v.mant >= 2 &&
	             a->v.mant <= 20 && rk_change_at(s, d->n, end) && (span = (int)a->v.mant) != 0))) {
		/* 财政收入3年增长58.6%, 产量五年增长29倍: a change over the years
		 * it names, ending last year */
		w->stance = RK_ACTUAL;
		w->y0 = P - span;
		w->y1 = P - 1;
	} else if (d->run && (part == P_REVIEW || part == P_FIVEPAST)) {
		/* 进出口总额连续两年过万亿元: the run's years */
		w->stance = RK_ACTUAL;
		w->y0 = P - d->run;
		w->y1 = P - 1;
	} else if (from) {
		/* the A of 从A提高到B: what there was before the part's span */
		w->stance = RK_ACTUAL;
		w->y0 = w->y1 = part == P_FIVEPAST ? P - 6 : part == P_REVIEW ? P - 2 : P - 1;
	} else if (d->future && (!P || d->future >= P)) {
		/* 到2030年…达到 力争2027年前: the goal's year */
		w->stance = RK_TARGET;
		w->y0 = w->y1 = d->future;
		P = 1;   /* the period is known without the report's year */
	} else if (d->named && P && d->named < P) {
		/* 2025年，全省…: the year named */
		w->stance = RK_ACTUAL;
		w->y0 = w->y1 = d->named;
	} else if (part == P_FIVEPAST || part == P_FIVEGOAL) {
		/* a level or a stock is at the end of the span; a change, a
		 * mean, a total or what was done is over it */
		int over = d->mean || d->total || d->held ||
		           (!level && (a->dir || d->done || occurrences(a->unit) ||
		                       cue_after(s, d->n, end, CUE_DONE, 8)));
		if (!over)
			w->y0 = w->y1;
		if (part == P_FIVEGOAL && d->actual) {
			w->stance = RK_ACTUAL;
			w->y0 = w->y1 = P - 1;
		}
		if (part == P_FIVEPAST && d->target)
			w->stance = RK_TARGET;
	} else if (part == P_PLAN && (d->actual || (kinds >> CUE_SET & 1))) {
		/* 现有 目前 已有 in the plan: a present stock; 洛阳等10个枢纽: a
		 * fixed set named */
		w->stance = RK_ACTUAL;
		w->y0 = w->y1 = P - 1;
	} else if (part == P_PLAN && d->mean) {
		/* 年均 in this year's part: the five-year goals it sets out */
		w->y1 = P + 4;
	} else if (part == P_REVIEW && d->target) {
		/* a goal quoted in the review: last year's */
		w->stance = RK_TARGET;
	}
done:
	w->needs_year = !P && w->stance != RK_OTHER;
	if (!P && !(d->future && w->y0 == d->future))
		w->y0 = w->y1 = 0;
	if (part == P_GLOSSARY || w->stance == RK_OTHER) {
		if (!P)
			w->y0 = w->y1 = 0;
	}
}

/* Four digits of a year (1000-9999), without printf's cost at every row. */
static char *
put_year(char *o, int y)
{
	o[0] = (char)('0' + y / 1000 % 10);
	o[1] = (char)('0' + y / 100 % 10);
	o[2] = (char)('0' + y / 10 % 10);
	o[3] = (char)('0' + y % 10);
	return o + 4;
}

int
rk_when_fmt(const rk_when *w, char *buf)
{
	char *o = buf;
	if (w->y0 < 1000 || w->y0 > 9999 || w->y1 < 1000 || w->y1 > 9999)
		return 0;
	o = put_year(o, w->y0);
	if (w->y1 != w->y0) {
		*o++ = '-';
		o = put_year(o, w->y1);
	}
	*o = 0;
	return (int)(o - buf);
}

const char *const *
rk_cue_examples(size_t *n)
{
	*n = NELEM(cue_examples);
	return cue_examples;
}
