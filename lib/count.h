/* rcount's engines: a table of counted keys and the finders that feed it.
 *
 * Every finder is a pure function over UTF-8 text (valid, as the reader
 * yields it) that calls an emit callback once per key found, with the key's
 * bytes and its byte offset in the text.  The table knows nothing of where
 * keys come from. */
#ifndef COUNT_H
#define COUNT_H

#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

typedef void rk_emit(void *ctx, const char *key, size_t len, size_t off);

/* ---- the table (count.c) --------------------------------------------- */

/* A key is its bytes plus a group number (a section, a document, or 0):
 * the same bytes in two groups are two keys.  Each key gets an id, its
 * rank in order of first insertion. */
typedef struct {
	const char *key;
	unsigned len;
	unsigned grp;
	long n;
} rk_centry;

typedef struct rk_arena rk_arena;
struct rk_cslot;

typedef struct {
	struct rk_cslot *slot;   /* open addressing, the entries themselves */
	size_t nslot;
	uint32_t *order;         /* id -> slot */
	size_t nent, ordercap;
	rk_arena *arena;         /* bytes of keys too long to keep in a slot */
	size_t max;              /* most distinct keys held; 0 = no limit */
	long dropped;            /* occurrences of keys turned away at max (LONG_MAX: or more) */
	long saturated;          /* additions that would have gone past LONG_MAX: the
	                            count is held at LONG_MAX (first such key: saturated_id) */
	unsigned long saturated_id;
	rk_centry *ent;          /* rk_count_sort(): the entries, in order */
	size_t nsorted, entcap;
} rk_count;

void rk_count_init(rk_count *c, size_t max);
/* Adds n (>= 0) to key (grp, k[0..len)).  Returns the key's id, or -1 when
 * the key is new and the table is full (then n is added to c->dropped).  A
 * sum past LONG_MAX stays at LONG_MAX and is counted in c->saturated. */
long rk_count_add(rk_count *c, unsigned grp, const char *k, size_t len, long n);
/* Adds 1 to each of n keys: faster than one at a time in a big table. */
typedef struct { const char *k; uint32_t len, grp; } rk_ckey;
void rk_count_add_many(rk_count *c, const rk_ckey *keys, size_t n);
/* The key of an id. */
const char *rk_count_key(const rk_count *c, unsigned long id, size_t *len);
/* Fills c->ent[0..c->nsorted) with the entries ordered by group, then count
 * descending then key bytewise (bykey 0), or key bytewise (bykey 1).
 * Valid until the table changes. */
void rk_count_sort(rk_count *c, int bykey);
void rk_centry_sort(rk_centry *e, size_t n, int bykey);   /* the same order */
void rk_count_clear(rk_count *c);
void rk_count_free(rk_count *c);
int rk_keycmp(const char *a, size_t alen, const char *b, size_t blen);

/* ---- summing tables (countmerge.c) ----------------------------------- */

/* rcount -m.  The shape (2, 3 or 4 fields: key count, doc key count, doc
 * sect key count) is the first table's; header lines are skipped wherever
 * they are.  Groups (doc, or doc and sect, as written) go into groups, in
 * the order they first appear, their ids the groups of the keys in table. */
typedef struct {
	rk_count *table, *groups;
	int keep;        /* group columns kept: 0 (--by all), 1 (--by doc), -1 all there are */
	int fields;      /* 2, 3 or 4 once known */
} rk_merge;
enum { RK_MERGE_ROW, RK_MERGE_HEADER, RK_MERGE_BAD, RK_MERGE_SHAPE };
extern const char *const rk_merge_header[5];   /* by number of fields */
/* One line (NUL-terminated, no newline; split in place).  first: the
 * first line of a table, where another shape is RK_MERGE_SHAPE (the table
 * does not fit) rather than a bad row. */
int rk_merge_line(rk_merge *m, char *line, int first);

/* ---- span finders (countspan.c) -------------------------------------- */

/* Quoted phrases: text inside “…” 「…」 『…』 "…" (and the full-width ＂),
 * non-empty, at most maxchars characters, not containing another opener of
 * the same pair.  Quotes inside quotes of another kind count as well. */
void rk_find_quotes(const char *s, size_t n, size_t maxchars, rk_emit *emit, void *ctx);
/* Titles: text inside 《…》 (nested 《》 balanced), non-empty, at most maxchars. */
void rk_find_titles(const char *s, size_t n, size_t maxchars, rk_emit *emit, void *ctx);
/* Numbered slogans; the rule is in rcount(1) and at the function. */
void rk_find_slogans(const char *s, size_t n, rk_emit *emit, void *ctx);
/* Character n-grams, lo <= n <= hi, of each run of Han characters. */
void rk_find_ngrams(const char *s, size_t n, int lo, int hi, rk_emit *emit, void *ctx);

/* rk_u8dec(), inlined for the loops that call it on every character (it
 * is in another file): ASCII and three-byte characters here, the rest
 * there. */
static inline unsigned
rk_u8dec_fast(const char *s, size_t n, int *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n && u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	if (n >= 3 && u[0] >= 0xE0 && u[0] < 0xF0) {
		*len = 3;
		return (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
	}
	return rk_u8dec(s, n, len);
}

/* ---- patterns (countre.c) --------------------------------------------- */

/* How rcount compiles -e and -f patterns: on characters; \C (one byte)
 * refused, since a match of it cuts a character and its key would not be
 * UTF-8. */
#define RK_REGEX_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C)

/* The matches of re (compiled with RK_REGEX_OPTIONS) in s, or of its first group
 * where it took part, each emitted if not empty; after an empty match the
 * search goes on a character later.  md needs room for re's groups.
 * Returns 0, or the PCRE2 error that stopped it (a match limit). */
int rk_find_regex(const pcre2_code *re, pcre2_match_data *md, pcre2_match_context *mc, const char *s,
                  size_t n, rk_emit *emit, void *ctx);

/* ---- dictionaries and term lists (acmatch.c) ------------------------- */

/* A static trie over code points, built once from a list of words, that
 * answers "which words start here" in one walk. */
typedef struct rk_dict rk_dict;

rk_dict *rk_dict_new(void);
/* Adds a word (valid UTF-8, not empty) with a frequency; a repeated word
 * keeps the last frequency given.  Only before rk_dict_build(). */
void rk_dict_add(rk_dict *d, const char *w, size_t len, double freq);
void rk_dict_build(rk_dict *d);
size_t rk_dict_size(const rk_dict *d);
double rk_dict_total(const rk_dict *d);     /* sum of frequencies */
void rk_dict_free(rk_dict *d);
/* Of the words (frequency above 0) that are prefixes of the text cp[0..n)
 * (code points), the one of highest score + route[length in characters],
 * ties to the longer: returns its length, 0 if none, and that sum in *best. */
int rk_dict_route(const rk_dict *d, const unsigned *cp, int n, const double *route, double *best);
/* A word's score is its frequency until this sets it to f(frequency). */
void rk_dict_score(rk_dict *d, double (*f)(double freq, void *ctx), void *ctx);
double rk_dict_freq(const rk_dict *d, int id);
/* Reads a term list (one term a line, surrounding blanks trimmed, empty
 * lines skipped) or a jieba dictionary ("word freq [tag]"; withfreq 1).
 * Returns 0, or -1 with a message in err (e.g. "line 3: not UTF-8"). */
int rk_dict_load(rk_dict *d, const char *path, int withfreq, char *err, size_t errlen);
/* Leftmost-longest matching of the dictionary's words in s, one pass,
 * matches not overlapping.  Emits each match. */
void rk_find_terms(const rk_dict *d, const char *s, size_t n, rk_emit *emit, void *ctx);

/* ---- word segmentation (segment.c) ----------------------------------- */

/* jieba's precise mode without HMM: within runs of Han, ASCII letters,
 * digits and + # & . _ % -, a DAG of dictionary words and the route of
 * highest log probability; ASCII letters and digits left alone are joined;
 * everything else is a token of one character, whitespace included.
 * Emits every token (the caller filters). */
typedef struct rk_seg rk_seg;
rk_seg *rk_seg_new(rk_dict *d);   /* sets the dictionary's scores */
void rk_seg_cut(rk_seg *g, const char *s, size_t n, rk_emit *emit, void *ctx);
void rk_seg_free(rk_seg *g);
/* 1 if the token has a letter, digit or Han character: a word to count. */
int rk_is_wordlike(const char *s, size_t n);

#endif
