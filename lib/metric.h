/* rmetric's engine: the numeral parser (numeral.c) and the amount
 * scanner (metric.c).  Pure functions on normalised UTF-8 text; the
 * reader (rkit.h) supplies the blocks. */
#ifndef METRIC_H
#define METRIC_H

#include <stddef.h>

#include "rkit.h"

/* An exact decimal: mant * 10^exp.  Amounts like 1204.23亿 stay exact,
 * which a double would not. */
typedef struct {
	unsigned long long mant;
	int exp;
} rk_dec;

/* Writes v as a plain decimal (146140000, 37.8, 0.5) into buf, NUL-terminated,
 * or, where that would not fit, as digits and an exponent (2e-70); returns
 * the length.  buf needs RK_DEC_MAX bytes. */
#define RK_DEC_MAX 64
int rk_dec_fmt(rk_dec v, char *buf);

/* ---- numerals (numeral.c) ------------------------------------------ */

enum {
	RK_NUM_ARABIC = 1 << 0,   /* has Arabic digits (ASCII or full-width) */
	RK_NUM_CJK = 1 << 1,      /* has Chinese numeral characters */
	RK_NUM_POSITIONAL = 1 << 2, /* digit by digit, no 十百千: 二〇三五, 六五 */
	RK_NUM_DECIMAL = 1 << 3,  /* has a decimal point */
	RK_NUM_GROUPED = 1 << 4,  /* has thousands separators: 1,234 */
	RK_NUM_BIGMULT = 1 << 5,  /* 万 or 亿 applied */
	RK_NUM_BARE = 1 << 6,     /* a multiplier alone: 十 百 千 万 亿 千万 ... (no digit) */
	RK_NUM_BAD = 1 << 7,      /* not a well-formed number: 十四五, 一二一 */
	RK_NUM_LEAD_ZERO = 1 << 8 /* Arabic integer part with a leading zero: 02, 0571 */
};

typedef struct {
	size_t len;         /* bytes consumed, 0 if s does not start a numeral */
	rk_dec v;
	unsigned flags;
	int int_digits;     /* Arabic digits before the point (0 if none) */
	int frac_digits;    /* Arabic digits after the point */
	int nchars;         /* characters consumed */
	/* 余 or 多 written between a number and its multiplier (10余万, 8多万 is
	 * not Chinese, but 10余万 is): its byte offset in the numeral, or -1 */
	int infix;
} rk_num;

/* Parses the numeral at the start of s[0..n): Arabic digits (ASCII or
 * full-width) with thousands separators and a decimal point, Chinese
 * numerals (一百零五 两千三百 廿 〇 萬 億 ...), and the two mixed
 * (3万5千, 1.25万, 10余万).  Stops before 千 or 百 that begins a unit (千米
 * 千瓦 百分点: the units of lib/data/units.tsv and rk_num_add_unit()) and
 * before 百分之.  Returns out->len. */
size_t rk_num_parse(const char *s, size_t n, rk_num *out);

/* A unit given at run time (-U): one that begins with 千 or 百 (千焦) keeps
 * it, as the built-in 千米 and 百分点 do.  unit is kept, not copied. */
void rk_num_add_unit(const char *unit);

/* Nonzero if the code point can start a numeral (a digit, a Chinese numeral
 * character, a multiplier).  Table lookup. */
int rk_num_start(unsigned cp);
/* The same as a bitmap, a bit per code point below U+10000 (8 KiB). */
const unsigned char *rk_num_bits(void);

/* ---- amounts (metric.c) -------------------------------------------- */

/* Why a number is not an amount (RK_WHY_NONE: it is one). */
enum rk_why {
	RK_WHY_NONE,
	RK_WHY_YEAR,     /* 2023年, 二〇三五年, 2021-2023年度 */
	RK_WHY_DATE,     /* 11月30日, 9月份, 2026-02-03, “5.22”, 10时 */
	RK_WHY_ORDINAL,  /* 第九, 二十大, 第五届, 三级医院, 500强 */
	RK_WHY_CODE,     /* PM2.5, SO2, 5G, 12345平台, 4号线, “117项目”, 1+3+8 */
	RK_WHY_SLOGAN,   /* 两个维护, 三会一课, “七个一” */
	RK_WHY_MARKER,   /* 一、 （一） 1. 一是 */
	RK_WHY_WORD,     /* 一 as the article (一批 进一步 一体), 十分, 千方百计 */
	RK_WHY_RATE,     /* 每周一次, 每年两次: a frequency, not a count */
	RK_WHY_NOUNIT,   /* a number with no unit or measure word after it */
	RK_WHY_TITLE,    /* inside a title 《…》 */
	RK_WHY_GROUP,    /* says who, not how many: 60岁以上老年人 */
	RK_WHY_N
};
extern const char *const rk_why_name[RK_WHY_N];

/* The rules that decide what a number is, in the order they are tried
 * (metric.c): the first that holds decides.  why is RK_WHY_NONE for the
 * rules that make an amount.  examples: "text => row", NULL-terminated
 * (see the list in metric.c). */
typedef struct {
	const char *name;
	enum rk_why why;
	const char *const *examples;
} rk_rule;
extern const rk_rule rk_rules[];
extern const size_t rk_nrules;

typedef struct {
	size_t off, len;        /* the amount as written: numeral .. unit .. trailing 以上/左右 */
	int na;                 /* redacted (**次): value unknown */
	rk_dec v;
	char unit[48];          /* folded unit, "" if none */
	size_t approx_off, approx_len;   /* approximation word in the text, len 0 if exact */
	int dir;                /* +1 growth, -1 fall, 0 neither */
	int counted;            /* the unit is a measure word that counts (个 家 项) */
	size_t subj_off, subj_len;       /* subject phrase in the text, len 0 if none */
	/* a second piece of text the subject goes on with, len 0 if none: a
	 * list's shared head (刑事、治安案件: 刑事 + 案件), or the member after
	 * the first's words before its head (生产安全事故起数和死亡人数:
	 * 生产安全事故 + 死亡人数), or the share after its whole (…总产值增长6.5%、
	 * 占…比重提高到45%) */
	size_t subj2_off, subj2_len;
	size_t clause_off, clause_len;   /* the clause holding it: rk_mscan_clause() */
	enum rk_why why;
	int rule;               /* the deciding rule, an index into rk_rules; -1 if none */
} rk_amount;

/* Unit lexicon: built-in units plus the user's (-U).  One per program. */
void rk_units_add(const char *unit);   /* UTF-8, one unit; copied */
int rk_units_load(const char *path);   /* one unit a line; -1 with errno on failure (EILSEQ: not UTF-8) */

/* Scanner over one block of text.  State carries over between blocks of a
 * document (a paragraph split as `PM` / `2.5…` keeps its code). */
typedef struct {
	const char *s;
	size_t n, pos;
	int block_start;        /* the block begins a paragraph: markers allowed at 0 */
	int all;                /* report ruled-out numbers too */
	/* carried between blocks */
	int prev_latin;         /* previous block ended in a Latin letter (PM / 2.5) */
	int tail_latin;         /* this block does */
	/* the last amount of this block, for 分别增长18.6%、13.4% */
	size_t last_end;
	int last_dir;
	int last_ok;
	size_t last_shared;     /* its 约 of 约为…的 (shared_approx()), or (size_t)-1 */
	size_t last_subj_off, last_subj_len;   /* its subject, for X达A、增长B% */
	size_t last_subj2_off, last_subj2_len;
	/* the members of a 分别 list not yet given to a value */
#define RK_LIST_MEMBERS 8
	size_t member_off[RK_LIST_MEMBERS], member_len[RK_LIST_MEMBERS];
	size_t member2_off[RK_LIST_MEMBERS], member2_len[RK_LIST_MEMBERS];
	int nmembers, next_member;
	/* where numerals may start, found ahead (rk_mscan_marks()), or NULL */
	const unsigned *marks;
	size_t nmarks, mi;
} rk_mscan;

void rk_mscan_doc(rk_mscan *sc, int all);               /* new document */
void rk_mscan_block(rk_mscan *sc, const char *s, size_t n, int para_start);
/* Every offset of s[0..n) where rk_mscan_next() tries a numeral, into
 * out: their count, or (size_t)-1 if there are more than max.  For a
 * thread reading ahead (rk_opts.prescan); the block's scan then goes from
 * one to the next, given by rk_mscan_use_marks() after rk_mscan_block(). */
size_t rk_mscan_marks(const char *s, size_t n, unsigned *out, size_t max);
/* A mark with this bit is where a sentence starts (just past 。；！？, a
 * newline or ;), for the stance; the others are where numerals may start.
 * A block is shorter than 2 GiB. */
#define RK_MARK_SENTENCE 0x80000000u
/* A word of change of two characters or more (lib/data/words/dir_up.tsv,
 * dir_down.tsv: 增长 下降 …) ending at s[i] (rk_change_before) or starting
 * there (rk_change_at): its length, or 0. */
size_t rk_change_before(const char *s, size_t i);
size_t rk_change_at(const char *s, size_t n, size_t i);
void rk_mscan_use_marks(rk_mscan *sc, const unsigned *marks, size_t nmarks);
/* Next amount (or, with all, ruled-out number) of the block: 1, or 0 at its end. */
int rk_mscan_next(rk_mscan *sc, rk_amount *a);
/* Sets a->clause_off and clause_len (bounded; costs a walk, so on demand). */
void rk_mscan_clause(const rk_mscan *sc, rk_amount *a);

/* ---- stance and period (stance.c) ----------------------------------- */

/* Whether an amount is a result or a goal, and the year or span it is
 * of (../shared/specs/indicators.md): from the part of the report it
 * stands in and the words before it in its sentence.  A consumer gives
 * every block of a document, furniture included, to rk_ind_block() in
 * order, then each amount of the block, in order, to rk_ind_amount(),
 * then rk_ind_end(). */
enum rk_stance { RK_STANCE_NONE, RK_ACTUAL, RK_TARGET, RK_OTHER };
extern const char *const rk_stance_name[];   /* "", "actual", "target", "other" */

#define RK_IND_LEVELS 8
typedef struct {
	int plan_year;          /* the year the report plans for (2026 for a 2026
	                           report, 2024 for a 2023 summary); 0 unknown */
	int gov;                /* a government work report: its parts in their order */
	unsigned char part[RK_IND_LEVELS];   /* the part each heading level set */
	int lead;               /* the part a paragraph's lead set */
	int tops, last_top;     /* level-1 headings so far, and the last one's part */
	int fused;              /* that heading names both five-year parts */
	int paras;              /* paragraph blocks so far */
	/* the block, scanned once up to its amounts */
	const char *s;
	size_t n, pos;
	const unsigned *marks;  /* the block's marks (rk_mscan_marks()), or NULL */
	size_t nmarks, mi;
	int target, actual, mean, total, done, held;   /* cue words seen in the sentence or clause */
	int run;                /* 连续N年 before: N */
	int future, named;      /* a goal's year (到2030年), a year named (2025年) */
} rk_ind;

typedef struct {
	enum rk_stance stance;
	int y0, y1;             /* the period's years; 0 where unknown */
	int needs_year;         /* it depends on the report's year, not known yet */
} rk_when;

void rk_ind_doc(rk_ind *d);
void rk_ind_block(rk_ind *d, const rk_block *b);
void rk_ind_amount(rk_ind *d, const rk_amount *a, rk_when *w);
/* After the block's amounts, before the next rk_next(): the rest of its
 * text may name a part for what follows. */
void rk_ind_end(rk_ind *d);
/* Writes the period (2025, 2021-2025, or nothing) into buf (>= 16 bytes);
 * returns its length. */
int rk_when_fmt(const rk_when *w, char *buf);
/* The examples of lib/data/cues.tsv, for tests/unit/stance.c. */
const char *const *rk_cue_examples(size_t *n);

#endif
