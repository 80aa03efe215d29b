/* The amount scanner: finds every numeral in a block with one cheap pass
 * (a byte test, then a bitmap test on the decoded character), and only at
 * a numeral looks around it to decide what it is: an amount with its unit,
 * approximation, direction and subject, or a year, date, ordinal, code,
 * slogan, outline marker or word, which are not amounts. */
#include <ctype.h>
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
#include "chars.h"

const char *const rk_why_name[RK_WHY_N] = {
	"", "year", "date", "ordinal", "code", "slogan", "marker", "word", "rate", "nounit", "title",
	"group",
};

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

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* A word and its length in bytes. */
typedef struct { const char *w; size_t len; } word;
#define W(lit) { lit, sizeof(lit) - 1 }

/* unit_rows[] (lib/data/units.tsv) and the word lists (lib/data/words/),
 * made by mk/tables.awk */
#include "lexicon.h"

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
	size_t i;
	if (units_ready)
		return;
	units_ready = 1;
	wordsets_init();
	for (i = 0; i < NBUCKET; i++)
		bucket[i] = -1;
	for (i = 0; i < NELEM(unit_rows); i++)
		unit_insert(unit_rows[i].text, unit_rows[i].fold, unit_rows[i].cls);
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
	else
		rk_num_add_unit(copy);
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
               ws_reach_verbs = WORDSET(reach_verbs), ws_period_before = WORDSET(period_before),
               ws_period_after = WORDSET(period_after), ws_approx_false = WORDSET(approx_false),
               ws_subject_lead = WORDSET(subject_lead),
               ws_subject_after_stop = WORDSET(subject_after_stop),
               ws_subject_through = WORDSET(subject_through), ws_not_units = WORDSET(not_units),
               ws_name_after = WORDSET(name_after),
               ws_subject_heads = WORDSET(subject_heads);

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
		&ws_reach_verbs, &ws_period_before, &ws_period_after, &ws_approx_false,
		&ws_subject_lead, &ws_subject_after_stop, &ws_subject_through, &ws_not_units, &ws_name_after, &ws_subject_heads,
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

size_t
rk_change_before(const char *s, size_t i)
{
	size_t k;
	units_init();   /* and the word lists */
	k = match_before(s, i, &ws_dir_up);
	if (k < 6)
		k = match_before(s, i, &ws_dir_down);
	return k >= 6 ? k : 0;
}

size_t
rk_change_at(const char *s, size_t n, size_t i)
{
	size_t k;
	units_init();   /* and the word lists */
	k = match_at(s, n, i, &ws_dir_up);
	if (k < 6)
		k = match_at(s, n, i, &ws_dir_down);
	return k >= 6 ? k : 0;
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
	sc->last_shared = (size_t)-1;
	sc->last_subj_len = sc->last_subj2_len = 0;
	sc->nmembers = sc->next_member = 0;
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
		if (is_close_quote(cp) || is_clause_end(cp) || cp == U'。')
			return 0;
		list |= cp == U'、';
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
		list |= cp == U'、';
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
	return p == 0 || is_clause_end(prev) || rk_is_space(prev) || prev == U'、' ||
	       is_close_quote(prev) || prev == U'“' || (has_at(s, n, q, "是") && prev == U'其');
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
	if ((prev == U'（' || prev == '(') && (fnext == ')' || next == U'）'))
		return 1;
	/* 一、 1. 1、 1． at the start or after a clause end */
	if (fnext == '.' || next == U'、') {
		unsigned after = cp_at(s, n, q + (size_t)len, &len);
		unsigned before = st > 0 ? cp_before(s, st, &bst) : 0;
		if (is_digit(after))
			return 0;
		if (p == 0 || is_clause_end(prev) || rk_is_space(prev) ||
		    ((prev == U'（' || prev == '(') && st == 0))
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

/* Particles and conjunctions that end a subject or noun phrase. */
static int
stop_char(unsigned cp)
{
	switch (cp) {
	case U'的': case U'和': case U'与': case U'及': case U'等': case U'、':
	case U'并': case U'或': case U'是': case U'在': case U'为': case U'了':
	case U'共': case U'均': case U'合': case U'对': case U'以': case U'进':
	case U'中': case U'达': case U'累':
		return 1;
	}
	return 0;
}

/* ---- the rules -------------------------------------------------------- */

/* A numeral and what stands around it, as the rules see it (read only). */
typedef struct {
	const rk_mscan *sc;
	const char *s;
	size_t n, p, q;         /* the numeral is s[p, q) */
	const rk_num *num;
	unsigned prev, next;    /* the characters before and after it (0 at an end) */
	unsigned fnext;         /* next, full-width folded: ． as . */
	size_t prev_at;         /* where prev starts */
	int next_len;           /* bytes of next */
	int cjk_only;           /* Chinese numeral characters only: 三 二十 */
	int arabic_int;         /* Arabic digits only, no point or separator: 2023 */
	int redacted;           /* ** or ＊＊, no numeral */
	int quoted;             /* quoted(): 0, 1 in short quotes, 2 in a quoted list */
	int nian;               /* 年 follows, not 年均 or 年以上 (2 if 年均 or 年以上) */
	int whole_ok;           /* an integer (no point, no negative exponent): */
	unsigned long long whole;   /* its value, or something over 31 */
	/* the unit step: set after the rules before it */
	size_t j;               /* where the unit starts: q, or past 余 多 来 (400多份) */
	const unit *u;          /* the unit at j, NULL if none */
	size_t ab;              /* an approximation word before p (超 近): its length */
} cand;

#define HAS(lit) has_at(c->s, c->n, c->q, lit)          /* the text after the numeral */
#define ENDS(lit) ends_with(c->s, c->p, lit)            /* the text before it */
#define FLAG(f) ((c->num->flags & (f)) != 0)

/* The character before the one before the numeral. */
static inline unsigned
prev2(const cand *c)
{
	size_t b;
	return c->prev_at > 0 ? cp_before(c->s, c->prev_at, &b) : 0;
}

static inline int
a_year_number(const cand *c)   /* 2023: four digits, 1000-2199 */
{
	return c->arabic_int && c->num->int_digits == 4 && c->num->v.mant >= 1000 &&
	       c->num->v.mant <= 2199;
}

/* Rules are small and tried in a row: inlined all, or GCC leaves the
 * longer ones as calls. */
#define RULE ALWAYS_INLINE int

/* Each rule is a test on the candidate; the first that holds decides.  The
 * rules before the unit are tried on numerals only (not on **). */

RULE rule_malformed_cjk(const cand *c) { return FLAG(RK_NUM_BAD) && c->cjk_only; }
RULE rule_malformed(const cand *c) { return FLAG(RK_NUM_BAD); }
RULE rule_after_di(const cand *c) { return c->prev == U'第'; }
RULE
rule_after_latin(const cand *c)   /* PM2.5, and PM_2.5 as some texts write it */
{
	return is_latin(c->prev) || (c->p == 0 && c->sc->prev_latin) ||
	       (c->prev == '_' && is_latin(prev2(c)));
}
RULE
rule_before_latin(const cand *c)
{
	return FLAG(RK_NUM_ARABIC) && latin_code_after(c->s, c->n, c->q);
}
RULE
rule_plus(const cand *c)
{
	return c->fnext == '+' || c->prev == '+' || c->prev == U'＋';
}
RULE
rule_clock_or_dot(const cand *c)   /* 8:30 25·7 */
{
	return c->next == U'·' || c->next == U'・' || c->fnext == ':' ||
	       ((c->prev == U'·' || c->prev == ':' || c->prev == U'：') && c->prev_at > 0 &&
	        is_digit(prev2(c)));
}
RULE rule_ratio(const cand *c) { return c->next == U'∶' || c->prev == U'∶'; }
RULE
rule_version(const cand *c)   /* 3.0 */
{
	return FLAG(RK_NUM_DECIMAL) && c->num->frac_digits == 1 && c->num->v.mant % 10 == 0 &&
	       !unit_at(c->s, c->n, c->q) && !is_han(c->next);
}
RULE
rule_second_point(const cand *c)   /* 2.0.1 */
{
	int len;
	return c->fnext == '.' && is_digit(cp_at(c->s, c->n, c->q + 1, &len));
}
/* In short quotes: quoted() is 1, or 2 for a quoted list (a 、 inside),
 * where an Arabic number is counted as outside quotes. */
RULE
rule_quoted_cjk(const cand *c)
{
	return c->cjk_only && c->quoted;
}
RULE
rule_quoted_day(const cand *c)   /* “5.22” */
{
	return !c->cjk_only && FLAG(RK_NUM_DECIMAL) && c->num->int_digits <= 2 &&
	       c->num->frac_digits <= 2 && c->quoted == 1;
}
RULE
rule_quoted_code(const cand *c)
{
	return !c->cjk_only && c->quoted == 1;
}
RULE rule_in_title(const cand *c) { return in_title(c->s, c->p); }
RULE
rule_hotline(const cand *c)   /* 12345 12369 */
{
	return c->arabic_int && c->num->int_digits == 5 && c->num->v.mant >= 12300 &&
	       c->num->v.mant <= 12399;
}
RULE
rule_item_marker(const cand *c)
{
	return item_marker(c->s, c->n, c->p, c->q, c->num);
}
RULE
rule_outline_marker(const cand *c)
{
	return (c->arabic_int || c->cjk_only) && outline_marker(c->sc, c->p, c->q, c->num);
}
RULE
rule_marker_before_year(const cand *c)   /* 20.2026年10件民生实事: item 20, then a year */
{
	const char *t = c->s + c->p;
	size_t k = c->q - c->p, d;
	size_t st;
	unsigned prev = cp_before(c->s, c->p, &st);
	if (!FLAG(RK_NUM_DECIMAL) || FLAG(RK_NUM_CJK) || c->next != U'年' ||
	    !(c->p == 0 || is_clause_end(prev) || rk_is_space(prev) || prev == '\n'))
		return 0;
	for (d = 0; d < k && is_ascii_digit((unsigned char)t[d]); d++)
		;
	return (d == 1 || d == 2) && k == d + 5 && t[d] == '.' &&
	       ((t[d + 1] == '1' && t[d + 2] == '9') || (t[d + 1] == '2' && t[d + 2] == '0'));
}
RULE
rule_named_by_number(const cand *c)   /* 青年50人论坛, 1%人口抽样调查: names */
{
	return match_at(c->s, c->n, c->q, &ws_name_after) != 0;
}
RULE
rule_qi_yi(const cand *c)   /* 其一 */
{
	return c->prev == U'其' && c->cjk_only && c->num->nchars == 1;
}
RULE
rule_numeral_word(const cand *c)
{
	return c->cjk_only && match_at(c->s, c->n, c->p, &ws_num_words);
}
RULE
rule_slogan_word(const cand *c)   /* 三大攻坚战; but 五大类 counts kinds */
{
	return c->cjk_only && match_at(c->s, c->n, c->p, &ws_slogans) && !HAS("大类");
}
/* One Chinese numeral character, not 一 read as a bare multiplier. */
static inline int
one_numeral_at(const cand *c, size_t at)
{
	rk_num t;
	return rk_num_parse(c->s + at, c->n - at, &t) && t.nchars == 1 &&
	       (t.flags & RK_NUM_CJK) && !(t.flags & RK_NUM_BARE);
}
RULE
rule_slogan_pair(const cand *c)   /* 三会一课 一岗双责: numeral, character, numeral */
{
	int len;
	size_t third;
	if (!c->cjk_only || c->num->nchars != 1 || !is_han(c->next))
		return 0;
	third = c->q + (size_t)c->next_len;
	if (HAS("年一遇"))
		return 0;    /* 五年一遇: a flood standard, in years */
	return cp_at(c->s, c->n, third, &len) == U'双' || one_numeral_at(c, third);
}
RULE
rule_slogan_second(const cand *c)   /* 三地三部门: the second half */
{
	size_t b;
	if (!c->cjk_only || c->num->nchars != 1 || !is_han(c->prev) || c->prev_at == 0)
		return 0;
	return cp_before(c->s, c->prev_at, &b) != U'一' && one_numeral_at(c, b);
}
RULE
rule_slogan_measure_yi(const cand *c)   /* “七个一” */
{
	int len;
	unsigned after;
	if (!c->cjk_only || (c->next != U'个' && c->next != U'项') ||
	    !has_at(c->s, c->n, c->q + 3, "一"))
		return 0;
	after = cp_at(c->s, c->n, c->q + 6, &len);
	return !is_digit(after) && !rk_num_start(after);
}
RULE
rule_article_yi(const cand *c)   /* 一批 进一步 */
{
	return c->cjk_only && c->num->nchars == 1 && c->num->v.mant == 1 && c->num->v.exp == 0;
}
RULE
rule_clock_minute(const cand *c)   /* 10时30分: the 30 */
{
	unsigned b;
	if (!((c->prev == U'时' || c->prev == U'点') && c->next == U'分' && c->prev_at > 0))
		return 0;
	b = prev2(c);
	return is_digit(b) || rk_num_start(b);
}
/* 年 after the numeral, not 年均 or 年以上 */
static inline int
year_follows(const cand *c)
{
	return c->nian == 1;
}
RULE
rule_year(const cand *c)
{
	return year_follows(c) && (a_year_number(c) || FLAG(RK_NUM_POSITIONAL));
}
RULE
rule_period(const cand *c)   /* 五年来 这五年 近3年 六十多年来 */
{
	return (year_follows(c) || HAS("多年") || HAS("余年")) &&
	       (match_at(c->s, c->n, c->q, &ws_period_after) || match_before(c->s, c->p, &ws_period_before));
}
RULE rule_decade(const cand *c) { return year_follows(c) && HAS("年代"); }
RULE rule_year_before_average(const cand *c) { return c->nian && a_year_number(c); }
RULE
rule_year_range(const cand *c)   /* 2021-2023年度 （2021—2030年） 2026-02-03 */
{
	int len;
	unsigned f = c->fnext, after;
	if (!(c->arabic_int && c->num->int_digits == 4 && c->num->v.mant >= 1900 &&
	      c->num->v.mant <= 2199))
		return 0;
	if (!(f == '-' || c->next == U'—' || c->next == U'–' || f == '~' || c->next == U'至' ||
	      c->next == U'到' || f == '/' || f == '.' || c->next == U'届' || c->next == U'）' ||
	      f == ')'))
		return 0;
	after = cp_at(c->s, c->n, c->q + (size_t)c->next_len, &len);
	return is_digit(after) || f == ')' || c->next == U'）' || c->next == U'届';
}
RULE
rule_after_year_dash(const cand *c)   /* 2026-02-03: the 02 and 03 */
{
	size_t b = c->prev_at, j;
	int d = 0;
	if (!((c->prev == '-' || c->prev == U'－' || c->prev == '/' || c->prev == '.') &&
	      c->prev_at >= 4))
		return 0;
	while (b > 0 && d < 5 && is_digit(cp_before(c->s, b, &j))) {
		b = j;
		d++;
	}
	return d == 4 || (d <= 2 && d > 0 && b > 0 &&
	                  (cp_before(c->s, b, &j) == '-' || cp_before(c->s, b, &j) == '/'));
}
RULE
rule_month(const cand *c)
{
	return c->whole_ok && c->next == U'月' && c->whole >= 1 && c->whole <= 12 && !HAS("月均");
}
RULE
rule_day(const cand *c)
{
	return c->whole_ok && c->next == U'日' && c->whole >= 1 && c->whole <= 31;
}
RULE
rule_day_hao(const cand *c)   /* 5号, 5号前: a date; 4号线 is a name */
{
	int len;
	unsigned after;
	if (!c->whole_ok || c->next != U'号' || c->whole > 31)
		return 0;
	after = cp_at(c->s, c->n, c->q + (size_t)c->next_len, &len);
	return !is_han(after) || after == U'前' || after == U'后' || after == U'起' || after == U'至';
}
RULE rule_hao_name(const cand *c) { return c->whole_ok && c->next == U'号'; }
RULE
rule_clock_hour_minute(const cand *c)   /* 10时30分: the 10 */
{
	int len;
	return c->whole_ok && (c->next == U'时' || c->next == U'点') && c->whole <= 24 &&
	       is_digit(cp_at(c->s, c->n, c->q + 3, &len));
}
RULE
rule_clock_hour(const cand *c)   /* 10时 */
{
	return c->whole_ok && c->next == U'时' && c->whole <= 24 && !c->cjk_only && !HAS("时期");
}
RULE
rule_anniversary(const cand *c)
{
	return (c->next == U'周' && HAS("周年")) || (c->next == U'世' && HAS("世纪"));
}
RULE
rule_positional_day(const cand *c)   /* 六五环境日 */
{
	return FLAG(RK_NUM_POSITIONAL) && c->cjk_only && (c->next == U'节' || HAS("环境日"));
}
RULE rule_positional(const cand *c) { return FLAG(RK_NUM_POSITIONAL); }
RULE
rule_rank(const cand *c)   /* 五届人大 三级医院 500强 十佳 三中全会 五星级; 2届 counts */
{
	/* 两 is never a rank: 举办两届 counts */
	return (c->next == U'届' && !FLAG(RK_NUM_ARABIC) && !has_at(c->s, c->n, c->p, "两")) ||
	       c->next == U'级' ||
	       c->next == U'强' || c->next == U'佳' ||
	       (c->next == U'中' && HAS("中全会")) || (c->next == U'星' && HAS("星级"));
}
RULE
rule_rank_after_qian(const cand *c)   /* 进入全国前8位, 包揽前六名, 排名前1% */
{
	/* a rank band (排名前1%, 前1‰学科) is a position, not a share; 提前5%
	 * is not a rank */
	return c->prev == U'前' &&
	       (c->next == U'位' || c->next == U'名' ||
	        ((c->fnext == U'%' || c->next == U'‰' || c->next == U'‱') && prev2(c) != U'提'));
}
RULE rule_digit_count(const cand *c) { return c->next == U'位' && HAS("位数"); }   /* 两位数增长 */
RULE
rule_quoted_chars(const cand *c)   /* “人民”二字: the characters of a quoted word */
{
	return c->next == U'字' && is_close_quote(c->prev);
}
RULE
rule_congress(const cand *c)   /* 二十大 */
{
	return c->next == U'大' && c->cjk_only &&
	       c->num->v.mant * (c->num->v.exp ? 10 : 1) >= 10;
}
RULE
rule_line_or_model(const cand *c)   /* 4号线 3号线 2型 2.0版 */
{
	return c->next == U'线' || c->next == U'型' || c->next == U'版';
}
RULE
rule_grade_class(const cand *c)   /* 1类创新药 二类水质: a class by its number */
{
	return c->next == U'类' && FLAG(RK_NUM_ARABIC) && (HAS("类创新药") || HAS("类新药") || HAS("类水质") ||
	                           HAS("类水体") || HAS("类疫苗") || HAS("类医疗器械"));
}
RULE
rule_phase(const cand *c)   /* 三期 二期工程 */
{
	return c->next == U'期' && (c->cjk_only || HAS("期工程") || HAS("期项目"));
}
RULE
rule_session(const cand *c)   /* 十一届九次、十次全会; 十六届人大三次会议 */
{
	return c->next == U'次' && (ENDS("届") || has_at(c->s, c->n, c->q + 3, "全会") ||
	                            has_at(c->s, c->n, c->q + 3, "全体会议") ||
	                            (has_at(c->s, c->n, c->q + 3, "会议") &&
	                             (ENDS("届人大") || ENDS("届人大常委会") || ENDS("届政协"))));
}
RULE
rule_plan_years(const cand *c)   /* 三年行动 三年提质行动 */
{
	size_t e = c->q + 3, k;
	int len;
	if (!c->cjk_only || !c->nian)
		return 0;
	for (k = 0; k < 6 && e < c->n; k++) {
		if (!is_han(cp_at(c->s, c->n, e, &len)))
			break;
		if (has_at(c->s, c->n, e, "行动") || has_at(c->s, c->n, e, "攻坚") ||
		    has_at(c->s, c->n, e, "计划"))
			return 1;
		e += (size_t)len;
	}
	return 0;
}
RULE
rule_plan_word(const cand *c)   /* 3年行动, 十件民生实事; not 30件民生实事 */
{
	const unit *u;
	if (!match_at(c->s, c->n, c->q, &ws_plan_words))
		return 0;
	/* Arabic digits before a measure word state a count, as elsewhere */
	u = c->cjk_only ? NULL : unit_at(c->s, c->n, c->q);
	return !u || u->cls != U_COUNT;
}
RULE
rule_vague(const cand *c)   /* 数十 几十 十几 */
{
	return c->cjk_only && (c->prev == U'数' || c->prev == U'几' || c->next == U'几');
}

/* From here on the unit is known (c->u, at c->j). */

/* A magnitude reached or approached: a verb of reaching or an
 * approximation before it (突破3500万, 超696万, 近千亿), not 十 alone. */
static inline int
reached(const cand *c)
{
	return !(c->num->v.mant == 10 && c->num->v.exp == 0) && !(c->num->v.mant == 1 && c->num->v.exp == 1) &&
	       (match_before(c->s, c->p, &ws_reach_verbs) || match_before(c->s, c->p, &ws_approx_before));
}
/* A people noun of the unit table (群众 人员 儿童: fold 人, not 人 itself). */
static inline int
people_noun(const unit *u)
{
	return u && u->cls == U_COUNT && u->len > 3 && u->fold_len == 3 && memcmp(u->fold, "人", 3) == 0;
}
/* 0—6岁儿童: a range of ages that says who (the high end is a group) */
static int
age_band(const cand *c)
{
	size_t r = c->q + (size_t)c->next_len, e;
	rk_num hi;
	const unit *u;
	if (!(c->next == U'—' || c->next == U'–' || c->fnext == '-' || c->next == U'至' || c->next == U'到'))
		return 0;
	if (has_at(c->s, c->n, r, "—"))
		r += 3;
	if (!rk_num_parse(c->s + r, c->n - r, &hi))
		return 0;
	e = r + hi.len;
	if (!has_at(c->s, c->n, e, "岁") && !has_at(c->s, c->n, e, "周岁"))
		return 0;
	e += has_at(c->s, c->n, e, "周岁") ? 6 : 3;
	if (has_at(c->s, c->n, e, "以上") || has_at(c->s, c->n, e, "以下"))
		e += 6;
	u = unit_at(c->s, c->n, e);
	return people_noun(u);
}
/* A range, 2—4家 1-2个: the low end takes the high end's unit, or NULL. */
static const unit *
range_unit(const cand *c)
{
	const char *s = c->s;
	size_t n = c->n, r = 0, h;
	rk_num hi;
	const unit *uh;
	unsigned f = c->fnext;
	if (f == '-' || f == '~' || c->next == U'—' || c->next == U'–' || c->next == U'至' ||
	    c->next == U'到')
		r = c->q + (size_t)c->next_len;
	if (r && has_at(s, n, r, "—"))
		r += 3;   /* —— */
	if (!r || !rk_num_parse(s + r, n - r, &hi) ||
	    ((hi.flags ^ c->num->flags) & (RK_NUM_ARABIC | RK_NUM_CJK)))
		return NULL;
	h = r + hi.len;
	if (has_at(s, n, h, "余") || has_at(s, n, h, "多"))
		h += 3;
	uh = unit_at(s, n, h);
	if (uh && !(uh->len == 3 && has_at(s, n, h, "年") && hi.int_digits == 4) &&
	    !has_at(s, n, h, "月") && !has_at(s, n, h, "日"))
		return uh;
	return NULL;
}
/* A list with its unit written once, at its end: 分别提高20.9、36.2、54个百分点
 * (the members take it), and 12.7个、12个百分点 (个 there is the last's).
 * At most eight members; NULL if there is no such list. */
static const unit *
list_unit(const cand *c, size_t *own)
{
	const char *s = c->s;
	size_t n = c->n, r = c->q, k;
	rk_num m;
	const unit *u = NULL;
	*own = 0;
	if (c->u) {
		if (!(c->u->len == 3 && has_at(s, n, c->j, "个") && c->j == c->q))
			return NULL;
		r = c->j + 3;
		*own = 3;
	}
	for (k = 0; k < 8; k++) {
		if (!has_at(s, n, r, "、") || !rk_num_parse(s + r + 3, n - r - 3, &m) ||
		    ((m.flags ^ c->num->flags) & (RK_NUM_ARABIC | RK_NUM_CJK)))
			return NULL;
		r += 3 + m.len;
		u = unit_at(s, n, r);
		if (*own && u && u->len == 3 && has_at(s, n, r, "个"))
			u = unit_at(s, n, r + 3) && has_at(s, n, r + 3, "百分点") ? unit_at(s, n, r) : NULL;
		if (u)
			break;
	}
	if (!u || (u->len == 3 && has_at(s, n, r, "年") && m.int_digits == 4) || has_at(s, n, r, "月") ||
	    has_at(s, n, r, "日") || has_at(s, n, r, "号"))
		return NULL;
	if (*own && strcmp(u->fold, "百分点") != 0)
		return NULL;
	return u;
}
RULE rule_range(const cand *c) { return !c->u && !c->redacted && range_unit(c) && !age_band(c); }
RULE
rule_list(const cand *c)
{
	size_t own;
	return !c->redacted && list_unit(c, &own);
}
RULE
rule_bare_no_unit(const cand *c)   /* 万 of 万人助万企, 成达万高铁; not 近千亿、 */
{
	/* 4个过千亿新兴产业, 突破千万: after a verb of reaching it is an amount,
	 * but for a lone 达 before a noun (成达万高铁: 达州, 万州) */
	return !c->u && !c->redacted && FLAG(RK_NUM_BARE) &&
	       !(reached(c) && (!is_han(c->next) || !ENDS("达")));
}
RULE
rule_people_after(const cand *c)   /* 51万新就业形态人员: a count of people */
{
	size_t e = c->q;
	int k, len;
	unsigned cp;
	if (c->u || c->redacted || !FLAG(RK_NUM_BIGMULT) || !(is_han(c->next) || is_ascii_digit(c->next)))
		return 0;
	if (has_at(c->s, c->n, e, "以上") || has_at(c->s, c->n, e, "以下"))
		e += 6;    /* 20万以上人口县 */
	/* 390万65岁以上老年人: an age band between */
	if (is_ascii_digit(c->next)) {
		while (e < c->n && is_ascii_digit((unsigned char)c->s[e]))
			e++;
		if (!has_at(c->s, c->n, e, "岁以上") && !has_at(c->s, c->n, e, "岁以下"))
			return 0;
		e += 9;
	}
	/* the noun phrase after it, up to a particle, within six characters */
	for (k = 0; k < 6 && e < c->n; k++) {
		if (people_noun(unit_at(c->s, c->n, e)))
			return 1;
		cp = cp_at(c->s, c->n, e, &len);
		if (!is_han(cp) || stop_char(cp))
			return 0;
		e += (size_t)len;
	}
	return 0;
}
/* 从2.42缩小至2.12: the value a change starts from (at most four
 * characters of verb, then 至 or 到 and a digit) */
static inline int
from_value(const cand *c)
{
	size_t e = c->q, k;
	int len;
	if (!ENDS("从"))
		return 0;
	for (k = 0; k < 5 && e < c->n; k++) {
		unsigned u = cp_at(c->s, c->n, e, &len);
		if ((u == U'至' || u == U'到') && e + (size_t)len < c->n && is_digit((unsigned char)c->s[e + (size_t)len]))
			return 1;
		if (!is_han(u))
			return 0;
		e += (size_t)len;
	}
	return 0;
}
RULE
rule_measured(const cand *c)   /* 综合指数3.51, 71.3万监测对象, 过五千亿 */
{
	return !c->u && !c->redacted &&
	       ((FLAG(RK_NUM_DECIMAL) && !is_han(c->next) && !is_latin(c->next)) ||
	        (FLAG(RK_NUM_BIGMULT) && (is_han(c->next) || reached(c))) ||
	        (FLAG(RK_NUM_BARE) && reached(c) && !is_han(c->next)) ||
	        (FLAG(RK_NUM_DECIMAL) && from_value(c)));
}
RULE rule_no_unit(const cand *c) { return !c->u; }
RULE
rule_bare_alone(const cand *c)   /* 百 千 万 alone: only with 超 近 余 以上, or after 突破 达到 */
{
	return !c->redacted && FLAG(RK_NUM_BARE) && c->num->v.mant != 10 &&
	       !(c->num->v.mant == 1 && c->num->v.exp == 1) && !c->ab && c->j == c->q &&
	       c->num->infix < 0 && !match_before(c->s, c->p, &ws_reach_verbs) &&
	       !match_at(c->s, c->n, c->j + c->u->len, &ws_approx_after);
}
RULE
rule_rate(const cand *c)   /* 每年2次 */
{
	return !c->redacted && match_before(c->s, c->p - c->ab, &ws_rate_periods) &&
	       (has_at(c->s, c->n, c->j, "次") || has_at(c->s, c->n, c->j, "遍") ||
	        has_at(c->s, c->n, c->j, "回"));
}
RULE
rule_class(const cand *c)   /* 25兆瓦级 百万千瓦级 */
{
	return !c->redacted && has_at(c->s, c->n, c->j + c->u->len, "级");
}
RULE
rule_group(const cand *c)   /* 60岁以上老年人, 3岁以下婴幼儿: who, not how old */
{
	size_t e;
	if (c->redacted || !c->u || (strcmp(c->u->fold, "岁") != 0 && strcmp(c->u->fold, "周岁") != 0))
		return 0;
	if (ENDS("满"))
		return 1;    /* 满3岁即入园, 年满60周岁: a condition */
	e = c->j + c->u->len;
	if (has_at(c->s, c->n, e, "及"))
		e += 3;
	if (has_at(c->s, c->n, e, "以上") || has_at(c->s, c->n, e, "以下") ||
	    has_at(c->s, c->n, e, "以内"))
		e += 6;
	return people_noun(unit_at(c->s, c->n, e));
}
RULE
rule_er_ordinal(const cand *c)   /* 二轮延包 二类水质: a count says 两 */
{
	return !c->redacted && c->u && c->u->cls == U_COUNT && c->num->nchars == 1 &&
	       has_at(c->s, c->n, c->p, "二");
}
RULE
rule_circle(const cand *c)   /* 15分钟社区生活圈, 1小时通勤圈: a named reach */
{
	size_t e = c->j + c->u->len, k;
	int len;
	if (strcmp(c->u->fold, "分钟") != 0 && strcmp(c->u->fold, "小时") != 0)
		return 0;
	for (k = 0; k < 12 && e < c->n; k++) {
		unsigned cp = cp_at(c->s, c->n, e, &len);
		if (cp == U'圈')
			return 1;
		if (!(is_han(cp) || cp == U'”' || (cp == U'、' && c->quoted) || is_digit(cp) || cp == '.'))
			return 0;
		e += (size_t)len;
	}
	return 0;
}
RULE rule_unit(const cand *c) { (void)c; return 1; }

/* The rules in order: name, what it decides (NONE: an amount), and
 * examples, "text => row" with the row as the unit test writes it
 * (text:why, or text=value unit ~approx +/-); "!text => row": a case the
 * rule must leave to another.  tests/unit/rules.c runs every example and
 * checks the row and the rule that decided it. */
#define RULES_BEFORE_UNIT(X) \
	X(malformed_cjk, ORDINAL, "落实十四五规划 => 十四五:ordinal", "一百二三 => 一百二三:ordinal") \
	X(malformed, CODE, "编号12345678901234567890号 => 12345678901234567890:code") \
	X(after_di, ORDINAL, "第九次全会 => 九:ordinal", "排名第18位 => 18:ordinal") \
	X(after_latin, CODE, "PM2.5浓度 => 2.5:code", "二氧化硫SO2排放 => 2:code", "Z4线 => 4:code", \
	  "PM_2.5年均浓度 => 2.5:code") \
	X(before_latin, CODE, "建成5G基站 => 5:code", "3D打印 => 3:code", "!装机5GW => 5GW=5 GW") \
	X(plus, CODE, "构建1+3+8体系 => 1:code") \
	X(clock_or_dot, DATE, "8:30开始 => 8:date", "“25·7”特大暴雨 => 25:date") \
	X(ratio, CODE, "男女比例2.9∶1 => 2.9:code") \
	X(version, CODE, "首发经济3.0 => 3.0:code", "!增长3.0% => 3.0%=3 % +") \
	X(second_point, CODE, "版本2.1.3 => 2.1:code") \
	X(quoted_cjk, SLOGAN, "落实“七个一”要求 => 七:slogan", "开展“三个表率”创建 => 三:slogan") \
	X(quoted_day, DATE, "开展“5.22”宣传 => 5.22:date") \
	X(quoted_code, CODE, "实施“117项目” => 117:code", \
	  "!打造“市内半小时、城际1.5小时”交通圈 => 1.5:slogan") \
	X(in_title, TITLE, "印发《关于加快发展的二十条措施》 => 二十:title") \
	X(hotline, CODE, "12345热线 => 12345:code") \
	X(item_marker, MARKER, "。一是加强学习 => 一:marker", "，二要抓落实 => 二:marker") \
	X(outline_marker, MARKER, "（一）总体情况 => 一:marker", "。2. 加强 => 2:marker") \
	X(qi_yi, MARKER, "其一，加强学习 => 一:marker") \
	X(marker_before_year, MARKER, "20.2026年10件民生实事 => 20.2026:marker", "!历时20.5年 => 20.5年=20.5 年") \
	X(named_by_number, CODE, "创新创业青年50人论坛 => 50:code") \
	X(numeral_word, WORD, "十分重要 => 十:word", "四川 => 四:word", \
	  "万众一心 => 万:word", "八一 => 八一:word") \
	X(slogan_word, SLOGAN, "做到两个维护 => 两:slogan", "推进三大攻坚战 => 三:slogan", \
	  "!提出五大类23个主要指标 => 五大类=5 类") \
	X(slogan_pair, SLOGAN, "实行一户一档 => 一:slogan", "推行三评三定 => 三:slogan", \
	  "!防洪标准由五年一遇提高到二十年一遇 => 五年=5 年") \
	X(slogan_second, SLOGAN, "落实三地三部门 => 三:slogan") \
	X(slogan_measure_yi, SLOGAN, "落实二十个一要求 => 二十:slogan") \
	X(article_yi, WORD, "进一步加强 => 一:word", "一批项目 => 一:word") \
	X(clock_minute, DATE, "10时30分召开 => 30:date") \
	X(year, YEAR, "2023年，全局 => 2023:year", "到二〇三五年 => 二〇三五:year") \
	X(period, DATE, "五年来 => 五:date", "这五年 => 五:date", "近3年 => 3:date", \
	  "奋进的五年 => 五:date", "!连续3年 => 3年=3 年") \
	X(decade, DATE, "上世纪80年代 => 80:date") \
	X(year_before_average, YEAR, "2023年均增长5% => 2023:year") \
	X(year_range, YEAR, "2021-2023年度 => 2021:year", "（2021—2030年） => 2021:year") \
	X(after_year_dash, DATE, "时间：2026-02-03 => 02:date") \
	X(month, DATE, "截至11月30日 => 11:date", "9月份以来 => 9:date", "!月均3次 => 3次=3 次") \
	X(day, DATE, "截至11月30日 => 30:date") \
	X(day_hao, DATE, "5号前完成 => 5:date") \
	X(hao_name, CODE, "地铁4号线 => 4:code", "实施1号工程 => 1:code") \
	X(clock_hour_minute, DATE, "10时30分召开 => 10:date") \
	X(clock_hour, DATE, "于10时召开 => 10:date", "!下午三时 => 三:nounit") \
	X(anniversary, ORDINAL, "建党100周年 => 100:ordinal", "21世纪 => 21:ordinal") \
	X(positional_day, DATE, "六五环境日 => 六五:date") \
	X(positional, CODE, "六五普法 => 六五:code") \
	X(rank, ORDINAL, "全省五届人大 => 五:ordinal", "!连续12届获奖 => 12届=12 届", "!举办两届大会 => 两届=2 届", "三级医院 => 三:ordinal", "中国500强 => 500:ordinal", \
	  "十一届三中全会 => 三:ordinal") \
	X(rank_after_qian, ORDINAL, "人均GDP进入全国前8位 => 8:ordinal", "连年包揽前六名 => 六:ordinal", \
	  "学科进入ESI排名前1% => 1:ordinal", "进入前1‰ => 1:ordinal", "!提前3个月 => 3个月=3 个月", \
	  "!提前5%完成 => 5%=5 %") \
	X(digit_count, WORD, "保持两位数增长 => 两:word", "!排名上升3位 => 3位=3 位 +") \
	X(quoted_chars, WORD, "牢记“人民”二字 => 二:word", "!撰写文章3000字 => 3000字=3000 字") \
	X(congress, ORDINAL, "学习二十大精神 => 二十:ordinal") \
	X(line_or_model, CODE, "开通2线 => 2:code", "2型糖尿病 => 2:code") \
	X(grade_class, CODE, "2个1类创新药获批上市 => 1:code", "达到3类水质 => 3:code", \
	  "!覆盖三类人群 => 三类=3 类") \
	X(phase, ORDINAL, "二期工程 => 二:ordinal", "建成三期 => 三:ordinal") \
	X(session, ORDINAL, "十一届九次、十次全会 => 十:ordinal", "三次全体会议 => 三:ordinal", \
	  "完成市十六届人大三次会议确定的目标 => 三:ordinal", "!召开3次会议 => 3次=3 次") \
	X(plan_years, SLOGAN, "实施三年行动 => 三:slogan", "三年提质行动 => 三:slogan") \
	X(plan_word, SLOGAN, "实施3年行动 => 3:slogan", "实施十件民生实事 => 十:slogan", \
	  "!推进30件民生实事 => 30件=30 件") \
	X(vague, WORD, "数十家 => 十:word", "十几个 => 十:word")
#define RULES_AFTER_UNIT(X) \
	X(range, NONE, "新建2—4家实验室 => 2=2 家", "1-2个 => 1=1 个", "!0—6岁儿童孤独症筛查 => 0:nounit") \
	X(list, NONE, "分别提高20.9、36.2、54个百分点 => 20.9=20.9 百分点 +", \
	  "分别高于全国12.7个、12个百分点 => 12.7个=12.7 百分点", "!1、2号线 => 1:nounit") \
	X(bare_no_unit, WORD, "万人助万企 => 万:word") \
	X(people_after, NONE, "51万新就业形态人员纳入保障 => 51万=510000 人", "20万以上人口县 => 20万以上=200000 人 ~以上", \
	  "13.2万脱贫人口实现稳定就业 => 13.2万=132000 人", \
	  "!71.3万监测对象稳定消除风险 => 71.3万=713000 ", "!3.2万的群众 => 3.2万=32000 ") \
	X(measured, NONE, "综合指数3.51， => 3.51=3.51 ", "71.3万监测对象 => 71.3万=713000 ", \
	  "4个过五千亿、4个过千亿产业 => 五千亿=500000000000 ", "倍差从2.42缩小至2.12 => 2.42=2.42 ", \
	  "技能人才总量超696万， => 696万=6960000  ~超", "经济总量近千亿、 => 千亿=100000000000  ~近") \
	X(no_unit, NOUNIT, "7大产业集群 => 7:nounit", "提高到80 => 80:nounit") \
	X(bare_alone, WORD, "万元产值 => 万:word", "!近万人 => 万人=10000 人 ~近", \
	  "!突破百亿元 => 百亿元=10000000000 元", "!实施亿元以上项目 => 亿元以上=100000000 元 ~以上") \
	X(rate, RATE, "每年2次 => 2:rate", "每周3次 => 3:rate") \
	X(class, ORDINAL, "25兆瓦级 => 25:ordinal") \
	X(group, GROUP, "每千人拥有3岁以下婴幼儿托位数 => 3:group", "满3岁即入园 => 3:group", \
	  "60岁以上老年人流感疫苗 => 60:group", "65岁及以上老年人 => 65:group", \
	  "!人均预期寿命提高到80岁以上 => 80岁以上=80 岁 ~以上") \
	X(er_ordinal, ORDINAL, "做好二轮土地延包 => 二:ordinal", "二类水质 => 二:ordinal", \
	  "!开展两轮督查 => 两轮=2 轮") \
	X(circle, SLOGAN, "提升15分钟社区生活圈功能 => 15:slogan", "构建1小时通勤圈 => 1:slogan", \
	  "构建“圈内1小时、济青1.5小时”通勤圈 => 1:slogan", "!车程缩短至1小时、融入都市圈 => 1小时=1 小时") \
	X(unit, NONE, "建成22个党支部 => 22个=22 个", "增长4.8% => 4.8%=4.8 % +", \
	  "从5方面提出 => 5方面=5 方面", "!深化四方合作 => 四:nounit", "!迈上5万亿台阶 => 5万亿=5000000000000 ", \
	  "建成15回高电压等级跨境输电线路 => 15回=15 回", "!透过2025回望“十四五” => 2025:nounit", \
	  "浓度低于每立方米19微克 => 19微克=19 微克/立方米", "以全省 100 个县为基础 => 100 个=100 个")

enum {
#define RULE_ID(name, why, ...) R_##name,
	RULES_BEFORE_UNIT(RULE_ID) RULES_AFTER_UNIT(RULE_ID)
#undef RULE_ID
	R_N
};

const rk_rule rk_rules[] = {
#define RULE_ROW(name, why, ...) { #name, RK_WHY_##why, (const char *const[]){ __VA_ARGS__, NULL } },
	RULES_BEFORE_UNIT(RULE_ROW) RULES_AFTER_UNIT(RULE_ROW)
#undef RULE_ROW
};
const size_t rk_nrules = R_N;

/* A rule holding is the rarer outcome: say so, or GCC lays the later rules
 * out as cold code (a prototype measured 4% slower). */
#define TRY(name, why, ...) \
	if (__builtin_expect(rule_##name(&c), 0)) { \
		rule = R_##name; \
		goto decided; \
	}

/* The unit of an amount and the end of its text: past a compound (吨/天,
 * 元每吨) and a bracketed alternative (套（间）).  Returns its class. */
RULE
take_unit(const cand *c, rk_amount *a)
{
	const char *s = c->s;
	size_t n = c->n, j = c->j, ulen;
	const unit *u = c->u;
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
	/* 每立方米19微克: the rate's base written before the number (a
	 * measure of one to four characters after 每) */
	else if (u->cls == U_MEASURE && !c->ab) {
		size_t k;
		for (k = 3; k <= 12 && k + 3 <= c->p; k += 3) {
			const unit *u2;
			if (!ends_with(s, c->p - k, "每"))
				continue;
			u2 = unit_at(s, n, c->p - k);
			if (u2 && u2->len == k && u2->cls == U_MEASURE &&
			    ulen + 1 + u2->fold_len < sizeof a->unit) {
				a->unit[ulen] = '/';
				memcpy(a->unit + ulen + 1, u2->fold, u2->fold_len + 1u);
			}
			break;
		}
	}
	/* 套（间）: a bracketed alternative */
	if (has_at(s, n, j, "（") || has_at(s, n, j, "(")) {
		size_t o = has_at(s, n, j, "(") ? 1 : 3;
		const unit *u2 = unit_at(s, n, j + o);
		if (u2 && (has_at(s, n, j + o + u2->len, "）") || has_at(s, n, j + o + u2->len, ")")))
			j += o + u2->len + (has_at(s, n, j + o + u2->len, ")") ? 1 : 3);
	}
	a->len = j - c->p;
	return u->cls;
}

/* Decide what the numeral [p, q) is: the first rule that holds.  Fills
 * a->why and a->rule and, for an amount, the unit and the end of its text;
 * returns the unit's class (-1 if not an amount). */
static int
classify(rk_mscan *sc, size_t p, size_t q, const rk_num *num, int redacted, rk_amount *a,
         known *kn)
{
	const char *s = sc->s;
	size_t n = sc->n;
	cand c;
	int rule;
	const unit *u;

	c.sc = sc;
	c.s = s;
	c.n = n;
	c.p = p;
	c.q = q;
	c.num = num;
	c.prev = cp_before(s, p, &c.prev_at);
	c.next = cp_at(s, n, q, &c.next_len);
	c.fnext = rk_fold(c.next);
	c.cjk_only = (num->flags & RK_NUM_CJK) && !(num->flags & RK_NUM_ARABIC);
	c.arabic_int = (num->flags & RK_NUM_ARABIC) &&
	               !(num->flags & (RK_NUM_DECIMAL | RK_NUM_CJK | RK_NUM_GROUPED));
	c.redacted = redacted;
	c.quoted = redacted ? 0 : quoted(s, n, p, q);
	c.nian = 0;
	if (c.next == U'年')
		c.nian = has_at(s, n, q, "年均") || has_at(s, n, q, "年以上") ? 2 : 1;
	c.whole_ok = !(num->flags & RK_NUM_DECIMAL) && num->v.exp >= 0;
	c.whole = num->v.mant;
	if (c.whole_ok) {
		int k;
		for (k = 0; k < num->v.exp && c.whole <= 31; k++)
			c.whole *= 10;
	}
	a->why = RK_WHY_NONE;
	a->unit[0] = 0;

	if (!redacted) {
		RULES_BEFORE_UNIT(TRY)
	}

	/* the unit, past 余/多 between number and unit (400多份, 3000余人) */
	c.j = q;
	if ((has_at(s, n, q, "余") || has_at(s, n, q, "多") || has_at(s, n, q, "来")) &&
	    unit_at(s, n, q + 3))
		c.j = q + 3;
	u = c.j == q && kn->uq_known ? kn->uq : unit_at(s, n, c.j);
	/* 全省 100 个县: a typesetter's spaces round an Arabic number */
	if (!u && q + 1 < n && s[q] == ' ' && p > 0 && s[p - 1] == ' ' && (num->flags & RK_NUM_ARABIC)) {
		const unit *us = unit_at(s, n, q + 1);
		if (us && us->cls == U_COUNT) {
			u = us;
			c.j = q + 1;
		}
	}
	if (u && u->cls == U_COUNT && u->len == 3 && has_at(s, n, c.j, "个") &&
	    has_at(s, n, c.j + 3, "多月"))
		u = NULL;   /* 个多月: taken by take_unit() */
	/* 迈上5万亿台阶, 2025回望: a word that begins with the unit's character
	 * (lib/data/words/not_units.tsv) */
	if (u && match_at(s, n, c.j, &ws_not_units) > u->len)
		u = NULL;
	if (u && u->len == 3 && has_at(s, n, c.j, "方") && c.cjk_only && !(num->flags & RK_NUM_BIGMULT))
		u = NULL;   /* 四方合作 parties; 22亿方 is gas, 5方面 a unit of its own */
	c.u = u;
	c.ab = 0;
	if (u && !redacted)
		c.ab = kn->ab = match_before(s, p, &ws_approx_before);

	RULES_AFTER_UNIT(TRY)
	rule = R_unit;   /* not reached: rule_unit() holds */
decided:
	a->rule = rule;
	a->why = rk_rules[rule].why;
	if (a->why != RK_WHY_NONE)
		return -1;
	if (rule == R_range) {
		const unit *uh = range_unit(&c);
		memcpy(a->unit, uh->fold, uh->fold_len + 1u);
		a->len = q - p;
		return uh->cls;
	}
	if (rule == R_measured) {
		a->len = q - p;
		return U_MEASURE;
	}
	if (rule == R_list) {
		size_t own;
		const unit *ul = list_unit(&c, &own);
		memcpy(a->unit, ul->fold, ul->fold_len + 1u);
		a->len = q - p + own;
		return ul->cls;
	}
	if (rule == R_people_after) {
		memcpy(a->unit, "人", sizeof "人");
		a->len = q - p;
		return U_COUNT;
	}
	return take_unit(&c, a);
}
#undef HAS
#undef ENDS
#undef FLAG

/* Approximation: before the number (超4500家), inside (10余万), between number
 * and unit (400多份), after the unit (5.5%左右). */
static void
find_approx(const char *s, size_t n, size_t p, size_t q, const rk_num *num, size_t ab,
            rk_amount *a)
{
	size_t k, end = p + a->len;
	a->approx_len = 0;
	k = ab != (size_t)-1 ? ab : match_before(s, p, &ws_approx_before);
	/* not where the word is a verb's own character: 签约, 迈上
	 * (lib/data/words/approx_false.tsv); 上 only before a bare
	 * multiplier: 上万人, not 以上3个 */
	if (k != 0 && match_before(s, p, &ws_approx_false) <= k &&
	    !(k == 3 && ends_with(s, p, "上") && !(num->flags & RK_NUM_BARE))) {
		a->approx_off = p - k;
		a->approx_len = k;
		return;
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
		return;
	}
	/* a list's approximation written once after it, members with the same
	 * unit: 分别增长5%、8%以上 (at most eight members) */
	{
		size_t r = end, ul = end - q, i;
		rk_num m;
		for (i = 0; i < 8 && ul > 0 && has_at(s, n, r, "、") && rk_num_parse(s + r + 3, n - r - 3, &m) &&
		            r + 3 + m.len + ul <= n && memcmp(s + r + 3 + m.len, s + q, ul) == 0; i++)
			r += 3 + m.len + ul;
		if (r > end && (k = match_at(s, n, r, &ws_approx_after)) != 0) {
			a->approx_off = r;
			a->approx_len = k;
		}
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


/* A bracket of one to four Han characters: from just after its （ at i,
 * the offset after its ）, else 0. */
static size_t
bracket_after(const char *s, size_t n, size_t i)
{
	int k, len;
	for (k = 0; i < n && k <= 4; k++) {
		unsigned cp = cp_at(s, n, i, &len);
		i += (size_t)len;
		if (cp == U'）')
			return k ? i : 0;
		if (!is_han(cp))
			return 0;
	}
	return 0;
}

/* The same backwards: from the start i of a ）, the offset of its （ (not
 * before stop), else 0. */
static size_t
bracket_before(const char *s, size_t i, size_t stop)
{
	int k;
	size_t st;
	for (k = 0; i > stop && k <= 4; k++) {
		unsigned cp = cp_before(s, i, &st);
		if (cp == U'（')
			return k ? st : 0;
		if (!is_han(cp))
			return 0;
		i = st;
	}
	return 0;
}

/* The noun after the amount (22个党支部: 党支部; 建成5000公里农村公路):
 * its length in bytes if it is two characters or more, else 0.  Not a
 * verb (20件增加到50件). */
static size_t
subject_after(const rk_mscan *sc, size_t end)
{
	const char *s = sc->s;
	size_t n = sc->n, i, j0, k2w;
	int len, count;
	unsigned cp;
	if (match_at(s, n, end, &ws_subject_verbs) || match_at(s, n, end, &ws_dir_up) ||
	    match_at(s, n, end, &ws_dir_down))
		return 0;
	for (i = end, count = 0; i < n && count < 16; count++) {
		cp = cp_at(s, n, i, &len);
		/* 5G基站: a code of digits and letters inside the noun */
		if (cp < 0x80 && isalnum((int)cp)) {
			size_t j = i;
			int letter = 0;
			while (j < n && (unsigned char)s[j] < 0x80 &&
			       (isalnum((unsigned char)s[j]) || s[j] == '.')) {
				letter |= isalpha((unsigned char)s[j]) != 0;
				j++;
			}
			if (letter && j < n && is_han(cp_at(s, n, j, &len))) {
				i = j;
				continue;
			}
			break;
		}
		/* 冰雪运动训练室（场）, 党组会（扩大）会议: a short bracketed word */
		if (cp == U'（' && (j0 = bracket_after(s, n, i + (size_t)len)) != 0) {
			i = j0;
			count++;
			continue;
		}
		/* “美丽街区”, “高效办成一件事”重点事项: a quote is one word */
		if (is_open_quote(cp)) {
			size_t j = i + (size_t)len;
			int k2, l2, closed = 0;
			for (k2 = 0; j < n && k2 < 16 && !closed; k2++) {
				unsigned c2 = cp_at(s, n, j, &l2);
				if (is_clause_end(c2))
					break;
				j += (size_t)l2;
				closed = is_close_quote(c2);
			}
			if (!closed)
				break;
			i = j;
			count++;
			continue;
		}
		/* 零碳园区 一体化: a word that starts with a numeral's character
		 * (lib/data/words/num_words.tsv) goes on */
		if (count >= 1 && cp < 0x10000 && (scanbits[cp >> 3] >> (cp & 7) & 1) &&
		    (k2w = match_at(s, n, i, &ws_num_words)) != 0) {
			i += k2w;
			count += 2;
			continue;
		}
		/* scanbits holds rk_num_start()'s characters, and * and ＊, which
		 * are not Han; it covers the BMP only (𠮷 is Han, past it) */
		if (!is_han(cp) ||
		    (stop_char(cp) && !match_at(s, n, i, &ws_subject_through) &&
		     !(i >= end + 3 && match_at(s, n, i - 3, &ws_subject_through))) ||
		    (cp < 0x10000 && (scanbits[cp >> 3] >> (cp & 7) & 1)) ||
		    (count >= 1 && match_at(s, n, i, &ws_subject_after_stop)))
			break;
		i += (size_t)len;
	}
	return count >= 2 ? i - end : 0;
}

/* The start of the list member that ends at e (before a 、): Han and
 * quotes back to stop, at most 24 characters, not past a 的; e if none. */
static size_t
member_before(const char *s, size_t e, size_t stop)
{
	size_t b = e, st;
	int c, quote = 0;
	for (c = 0; b > stop && c < 24; c++) {
		unsigned cp = cp_before(s, b, &st);
		if (!(is_han(cp) || is_open_quote(cp) || is_close_quote(cp)) || cp == U'的')
			break;
		quote += is_close_quote(cp) - is_open_quote(cp);
		b = st;
	}
	/* not half a quote (…隧”、城市道路), nor a word cut off a number's
	 * unit (25兆瓦级风电主轴轴承、) */
	if (quote || (b > 0 && (unsigned char)s[b - 1] < 0x80 && isalnum((unsigned char)s[b - 1])))
		return e;
	return b;
}

/* Does [i, end) hold two characters or more? */
static int
two_chars(const char *s, size_t i, size_t end)
{
	int len;
	if (i >= end)
		return 0;
	cp_at(s, end, i, &len);
	return i + (size_t)len < end;
}

/* 新增养老床位 其中出口 全年接待游客: the words before the indicator
 * (lib/data/words/subject_lead.tsv) go from the phrase [i, end) while two
 * characters are left (of a list's first member, when end is its end);
 * 新增就业 is an indicator of its own. */
static size_t
strip_lead(const char *s, size_t i, size_t end)
{
	size_t k;
	/* 新建和改造提升高标准农田, 新建改造: a pair of verbs is the indicator's */
	while (end > i && (k = match_at(s, end, i, &ws_subject_lead)) != 0 && two_chars(s, i + k, end) &&
	       !has_at(s, end, i + k, "和") && !has_at(s, end, i + k, "改造") &&
	       !(k == 6 && has_at(s, end, i, "新增") && has_at(s, end, i + 6, "就业")))
		i += k;
	return i;
}

/* The offset of the last 和 in [i, e) with two characters or more on each
 * side, else 0 (游客人次和旅游收入). */
static size_t
last_and(const char *s, size_t i, size_t e)
{
	size_t j;
	for (j = e >= 9 ? e - 9 : 0; j >= i + 6 && j > 0; j -= 3)
		if (has_atn(s, e, j, "和", 3))
			return j;
	return 0;
}

/* The longest word of subject_heads.tsv that ends [b, e) and leaves
 * something before it: its length, else 0. */
static size_t
head_of(const char *s, size_t b, size_t e)
{
	size_t k, best = 0;
	for (k = 6; k + 3 <= e - b; k += 3)
		if (match_at(s, e, e - k, &ws_subject_heads) == k)
			best = k;
	return best;
}

/* A 分别 list's members mo[]/ml[] (the last first, m of them): the second
 * pieces m2o[]/m2l[] of their subjects (spec rule 5).  A member that ends
 * in no head takes the last member's (刑事、治安案件: 刑事 + 案件), or what
 * follows its 等 (化工、医药、信息等产业增加值: 医药 + 产业增加值); a member
 * that is a head alone takes the first member's words before its head,
 * as its first piece (生产安全事故起数和死亡人数: 生产安全事故 + 死亡人数). */
static void
share_heads(const char *s, size_t *mo, size_t *ml, int m, size_t *m2o, size_t *m2l)
{
	size_t e = mo[0] + ml[0], h = head_of(s, mo[0], e), hf, dk;
	const char *deng;
	int q;
	for (q = 0; q < m; q++)
		m2o[q] = m2l[q] = 0;
	/* 信息等产业增加值: the head is what follows 等 */
	deng = ml[0] > 6 ? memmem(s + mo[0], ml[0] - 3, "等", 3) : NULL;
	if (deng && (dk = e - (size_t)(deng - s) - 3) >= 6)
		h = dk;
	if (h)
		for (q = 1; q < m; q++)
			if (!head_of(s, mo[q], mo[q] + ml[q]) && ml[q] >= 3 &&
			    !(ml[q] >= h && memcmp(s + mo[q] + ml[q] - h, s + e - h, h) == 0)) {
				m2o[q] = e - h;
				m2l[q] = h;
			}
	/* the first member's words before its head go to a member that is a
	 * head alone */
	hf = head_of(s, mo[m - 1], mo[m - 1] + ml[m - 1]);
	if (hf)
		for (q = 0; q < m - 1; q++)
			if (m2l[q] == 0 && match_at(s, mo[q] + ml[q], mo[q], &ws_subject_heads) == ml[q]) {
				m2o[q] = mo[q];
				m2l[q] = ml[q];
				mo[q] = mo[m - 1];
				ml[q] = ml[m - 1] - hf;
			}
}

static void
find_subject(rk_mscan *sc, size_t p, int cls, rk_amount *a)
{
	const char *s = sc->s;
	size_t n = sc->n, i, st, end = p + a->len, k, stop;
	int count;
	unsigned cp;

	a->subj_len = a->subj2_len = 0;
	/* after a count measure word: 22个党支部 -> 党支部 */
	if (cls == U_COUNT && (k = subject_after(sc, end)) != 0) {
		a->subj_off = end;
		a->subj_len = k;
		return;
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
		/* PM2.5平均浓度, GDP增长: a code of letters and digits */
		if (cp < 0x80 && (isalnum((int)cp) || cp == '.')) {
			size_t j = i;
			int letter = 0;
			while (j > stop && (unsigned char)s[j - 1] < 0x80 &&
			       (isalnum((unsigned char)s[j - 1]) || s[j - 1] == '.')) {
				letter |= isalpha((unsigned char)s[j - 1]) != 0;
				j--;
			}
			if (letter && s[j] != '.') {
				i = j;
				continue;
			}
			break;
		}
		/* 新（改）建高标准农田: a short bracketed word inside the phrase */
		if (cp == U'）' && (k = bracket_before(s, st, stop)) != 0) {
			i = k;
			continue;
		}
		if (!(is_han(cp) || is_open_quote(cp) || is_close_quote(cp)) || is_digit(cp) ||
		    cp == U'的')
			break;
		i = st;
	}
	/* 2025年全省地区生产总值: the walk stopped at the year's digits */
	if (end > i + 3 && has_at(s, end, i, "年") && i > 0 && is_ascii_digit((unsigned char)s[i - 1]))
		i += 3;
	i = strip_lead(s, i, end);
	/* 新建5000公里农村公路, 建成“美丽街区”20个: nothing but a verb (two
	 * characters, or the words of subject_lead.tsv) before the number, and
	 * the noun stands after it */
	if (end > i && ((end - i <= 6 && (unsigned char)s[i] >= 0x80) ||
	                match_at(s, end, i, &ws_subject_lead) == end - i) &&
	    (k = subject_after(sc, p + a->len)) != 0) {
		a->subj_off = p + a->len;
		a->subj_len = k;
		return;
	}
	/* 高价值发明专利较“十三五”时期: the base of a comparison goes */
	for (k = i + 6; k + 3 <= end; k += 3) {
		if ((has_at(s, end, k, "较") || has_at(s, end, k, "比")) &&
		    (has_at(s, end, k + 3, "“") || has_at(s, end, k + 3, "上年") ||
		     has_at(s, end, k + 3, "去年") || has_at(s, end, k + 3, "全国"))) {
			end = k;
			break;
		}
		if ((unsigned char)s[k] < 0xE0)   /* not a three-byte character: stop */
			break;
	}
	/* 69.3%和85.8%: nothing but a conjunction since the last value */
	if (i == sc->last_end && end == i + 3 &&
	    (has_at(s, n, i, "和") || has_at(s, n, i, "及") || has_at(s, n, i, "与")))
		end = i;
	/* …总产值增长6.5%、占规模以上工业总产值比重提高到45%, 年产量增至82万辆、
	 * 占比达到45%: a share right after the last value is the share of its
	 * subject; 新增企业1357家、总数突破1万家: a total is its subject's */
	if (end > i && sc->last_subj_len && sc->last_end != (size_t)-1 && i == sc->last_end + 3 &&
	    (has_at(s, n, sc->last_end, "、") || has_at(s, n, sc->last_end, "，"))) {
		int share = has_at(s, end, i, "占") || (end - i == 6 && has_at(s, end, i, "比重"));
		int total = end - i == 6 && (has_at(s, end, i, "总数") || has_at(s, end, i, "总量") ||
		                             has_at(s, end, i, "总计"));
		if ((share && !sc->last_subj2_len) || total) {
			a->subj_off = sc->last_subj_off;
			a->subj_len = sc->last_subj_len;
			a->subj2_off = share ? i : sc->last_subj2_off;
			a->subj2_len = share ? end - i : sc->last_subj2_len;
			sc->nmembers = sc->next_member = 0;
			return;
		}
	}
	if (end > i) {
		size_t from = p > 15 ? p - 15 : 0, j, mo[RK_LIST_MEMBERS], ml[RK_LIST_MEMBERS];
		size_t m2o[RK_LIST_MEMBERS], m2l[RK_LIST_MEMBERS];
		int m = 0, q, each = memmem(s + from, p - from, "分别", strlen("分别")) != NULL;
		a->subj_off = i;
		a->subj_len = end - i;
		sc->nmembers = sc->next_member = 0;
		/* the members of a list before the number, from the last back:
		 * 游客人次和旅游收入分别 splits at its 和 too */
		mo[m] = i;
		ml[m++] = end - i;
		if (each && !ends_with(s, i, "、") && (j = last_and(s, i, end)) != 0) {
			mo[0] = j + 3;
			ml[0] = end - j - 3;
			mo[m] = i;
			ml[m++] = j - i;
		}
		j = i;
		while (m < RK_LIST_MEMBERS && ends_with(s, j, "、")) {
			size_t b = member_before(s, j - 3, stop);
			if (b == j - 3)
				break;
			mo[m] = b;
			ml[m++] = j - 3 - b;
			j = b;
		}
		if (m == 1)
			return;
		if (!each) {
			/* 基本养老保险、基本医疗保险参保率均达到95%: one value for
			 * the list, the list as written */
			a->subj_off = strip_lead(s, mo[m - 1], mo[m - 1] + ml[m - 1]);
			a->subj_len = end - a->subj_off;
			return;
		}
		/* 居民参与率、准确投放率分别达到91.2%、84.7%: one member for each
		 * value in turn; mo[] runs from the last member back, the first
		 * value takes the first member */
		k = strip_lead(s, mo[m - 1], mo[m - 1] + ml[m - 1]);
		ml[m - 1] -= k - mo[m - 1];
		mo[m - 1] = k;
		share_heads(s, mo, ml, m, m2o, m2l);
		a->subj_off = mo[m - 1];
		a->subj_len = ml[m - 1];
		a->subj2_off = m2o[m - 1];
		a->subj2_len = m2l[m - 1];
		for (q = m - 2; q >= 0; q--) {
			sc->member_off[sc->nmembers] = mo[q];
			sc->member_len[sc->nmembers] = ml[q];
			sc->member2_off[sc->nmembers] = m2o[q];
			sc->member2_len[sc->nmembers++] = m2l[q];
		}
		return;
	}
	/* X达A、增长B%: B's subject is A's, when nothing but a comma or a 、
	 * and the verbs stands between them; in a 分别 list the next member */
	if (sc->last_subj_len && sc->last_end != (size_t)-1 && i >= sc->last_end &&
	    i - sc->last_end <= 3 && (i == sc->last_end || has_at(s, n, sc->last_end, "、") ||
	                              has_at(s, n, sc->last_end, "，") ||
	                              has_at(s, n, sc->last_end, "和"))) {
		if (sc->next_member < sc->nmembers) {
			a->subj_off = sc->member_off[sc->next_member];
			a->subj_len = sc->member_len[sc->next_member];
			a->subj2_off = sc->member2_off[sc->next_member];
			a->subj2_len = sc->member2_len[sc->next_member++];
		} else {
			a->subj_off = sc->last_subj_off;
			a->subj_len = sc->last_subj_len;
			a->subj2_off = sc->last_subj2_off;
			a->subj2_len = sc->last_subj2_len;
		}
	}
}

/* The rest of an amount once its numeral [p, q) and unit are known. */
/* 分别约为全国平均的70%、60%: 约 before a linking verb governs the number
 * after the phrase (…的70%) and, in a list, the ones after it (60%).  The
 * offset of that 约, or (size_t)-1. */
static size_t
shared_approx(const rk_mscan *sc, size_t p)
{
	const char *s = sc->s;
	size_t i, st;
	int k;
	if (sc->last_shared != (size_t)-1 && sc->last_ok && sc->last_end != (size_t)-1 &&
	    p >= sc->last_end && p - sc->last_end <= 3 && has_at(s, sc->n, sc->last_end, "、"))
		return sc->last_shared;
	if (!ends_with(s, p, "的"))
		return (size_t)-1;
	for (i = p - 3, k = 0; i >= 6 && k < 12; k++) {
		unsigned cp = cp_before(s, i, &st);
		if (!is_han(cp))
			break;
		if (ends_with(s, i, "约为") || ends_with(s, i, "约占"))
			return i - 6;
		i = st;
	}
	return (size_t)-1;
}

static int
finish(rk_mscan *sc, size_t p, size_t q, const rk_num *num, int cls, const known *kn,
       rk_amount *a)
{
	size_t shared = (size_t)-1;
	a->counted = cls == U_COUNT;
	find_approx(sc->s, sc->n, p, q, num, kn->ab, a);
	if (!a->approx_len) {
		shared = shared_approx(sc, p);
		if (shared != (size_t)-1) {
			a->approx_off = shared;
			a->approx_len = 3;
		}
	}
	sc->last_shared = shared;
	find_dir(sc, p, a);
	find_subject(sc, p, cls, a);
	sc->pos = p + a->len;
	/* the subject a following value may carry; none from a 分别 list */
	sc->last_subj_off = a->subj_off;
	sc->last_subj_len = a->subj_len;
	sc->last_subj2_off = a->subj2_off;
	sc->last_subj2_len = a->subj2_len;
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
/* The same with the characters that end a sentence, 。；！？: the prescan's */
static unsigned char lowhit_ends[0x4000];

static inline unsigned
low_hit(const unsigned char *b, const unsigned char *table)
{
	uint16_t k;
	memcpy(&k, b + 1, 2);
	return table[(unsigned)k & 0x3F3Fu];
}

/* 。 (E3 80 82) or ；！？ (EF BC 9B, 81, 9F) at b, three bytes there */
static inline int
sentence_end3(const unsigned char *b)
{
	return (b[0] == 0xE3 && b[1] == 0x80 && b[2] == 0x82) ||
	       (b[0] == 0xEF && b[1] == 0xBC && (b[2] == 0x9B || b[2] == 0x81 || b[2] == 0x9F));
}

static void
scanbits_init(void)
{
	const unsigned char *num = rk_num_bits();
	unsigned c, k;
	uint16_t probe;
	int little;
	memcpy(&probe, "\1\2", 2);
	little = probe == 0x0201;
	memcpy(scanbits, num, sizeof scanbits);
	scanbits['*' >> 3] |= 1u << ('*' & 7);
	scanbits[U'＊' >> 3] |= 1u << (U'＊' & 7);
	/* the characters of the bitmap, a byte of eight at a time */
	for (k = 0; k < sizeof scanbits; k++)
		for (c = 8 * k; scanbits[k] && c < 8 * k + 8; c++)
			if (scanbits[k] >> (c & 7) & 1)
				/* as low_hit()'s two-byte load sees the last two bytes */
				lowhit[little ? (c >> 6 & 0x3F) | (c & 0x3F) << 8 : (c & 0x3F) | (c >> 6 & 0x3F) << 8] = 1;
	memcpy(lowhit_ends, lowhit, sizeof lowhit);
	{
		static const unsigned ends[] = { U'。', U'；', U'！', U'？' };
		for (k = 0; k < NELEM(ends); k++) {
			c = ends[k];
			lowhit_ends[little ? (c >> 6 & 0x3F) | (c & 0x3F) << 8 : (c & 0x3F) | (c >> 6 & 0x3F) << 8] = 1;
		}
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
skip_han(const unsigned char *u, size_t i, size_t n, int ends)
{
	const unsigned char *t = ends ? lowhit_ends : lowhit;
	while (i + 16 <= n && five_han(u + i)) {
		unsigned h = low_hit(u + i, t) | low_hit(u + i + 3, t) << 1 | low_hit(u + i + 6, t) << 2 |
		             low_hit(u + i + 9, t) << 3 | low_hit(u + i + 12, t) << 4;
		if (!h) {
			i += 15;
			continue;
		}
		i += 3 * (size_t)__builtin_ctz(h);
		if (scan_hit3(u + i) || (ends && sentence_end3(u + i)))
			break;
		i += 3;
	}
	return i;
}

/* The first offset at or after i where a numeral may start: an ASCII digit
 * or *, or a three-byte character in scanbits; n if there is none. */
static inline size_t
next_candidate(const unsigned char *u, size_t i, size_t n, int ends)
{
	while (i < n) {
		unsigned c;
		/* the hot loop: most bytes are Han characters, three bytes each */
		i = skip_han(u, i, n, ends);
		if (i >= n)
			break;
		c = u[i];
		if (c < 0x80) {
			if ((c >= '0' && c <= '9') || c == '*' || (ends && (c == '\n' || c == ';')))
				return i;
			i++;
		} else if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
			if (scan_hit3(u + i) || (ends && sentence_end3(u + i)))
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
	while ((i = next_candidate(u, i, n, 1)) < n) {
		if (k == max)
			return (size_t)-1;
		/* where a sentence starts, for the stance (lib/stance.c) */
		if (u[i] == '\n' || u[i] == ';') {
			out[k++] = (unsigned)(i + 1) | RK_MARK_SENTENCE;
			i++;
			continue;
		}
		if (u[i] >= 0xE0 && sentence_end3(u + i)) {
			out[k++] = (unsigned)(i + 3) | RK_MARK_SENTENCE;
			i += 3;
			continue;
		}
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
			while (sc->mi < sc->nmarks &&
			       (sc->marks[sc->mi] < i || sc->marks[sc->mi] & RK_MARK_SENTENCE))
				sc->mi++;
			i = sc->mi < sc->nmarks ? sc->marks[sc->mi] : n;
		} else {
			i = next_candidate(u, i, n, 0);
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
		a->counted = 0;
		a->subj_off = a->subj_len = a->subj2_off = a->subj2_len = 0;
		a->clause_off = a->clause_len = 0;
		a->why = RK_WHY_NONE;
		a->rule = -1;
		kn.uq = NULL;
		kn.uq_known = 0;
		kn.ab = (size_t)-1;
		if (cp == '*' || cp == U'＊') {
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
		if (cp == U'一' && !sc->all) {
			int l2;
			unsigned nx = cp_at(s, n, p + 3, &l2);
			if (!(nx < 0x10000 && (scanbits[nx >> 3] >> (nx & 7) & 1)) && nx != U'余' &&
			    nx != U'多') {
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
		if (!sc->all && num.nchars == 1 && cp == U'一')
			continue;
		/* nor, without -a, is a number with no unit after it, unless it has a
		 * point or 万/亿 (3.51, 71.3万), starts a range (2—4家) or is a list's
		 * member (15、22个百分点) or has a space after it: most Chinese numerals end here, before the
		 * rules are tried */
		if (!sc->all && !(num.flags & (RK_NUM_DECIMAL | RK_NUM_BIGMULT)) &&
		    (kn.uq_known = 1, kn.uq = unit_at(s, n, q)) == NULL) {
			int l2;
			unsigned nx = cp_at(s, n, q, &l2);
			if (nx != U'余' && nx != U'多' && nx != U'来' && nx != '-' && nx != U'—' &&
			    nx != U'–' && nx != '~' && nx != U'～' && nx != U'－' && nx != U'至' &&
			    nx != U'到' && nx != U'、' && nx != ' ')   /* 全省 100 个县 */
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
