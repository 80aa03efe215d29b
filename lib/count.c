/* The table of counted keys: open addressing over an array of entries kept
 * in insertion order, key bytes in an arena.  Memory grows with distinct
 * keys only; c->max caps them and what is turned away is counted. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "rkit.h"
#include "count.h"

enum { ARENA_BLOCK = 1 << 20 };

struct rk_arena {
	struct rk_arena *next;
	size_t used, size;
	char buf[];
};

static char *
arena_copy(rk_arena **ap, const char *s, size_t n)
{
	rk_arena *a = *ap;
	char *p;
	if (!a || a->size - a->used < n) {
		size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		rk_arena *b = rk_alloc(sizeof *b + size);
		b->used = 0;
		b->size = size;
		if (a && size != ARENA_BLOCK) {
			/* a big key gets a block of its own behind the current one */
			b->next = a->next;
			a->next = b;
			a = b;
		} else {
			b->next = a;
			*ap = a = b;
		}
	}
	p = a->buf + a->used;
	memcpy(p, s, n);
	a->used += n;
	return p;
}

static void
arena_free(rk_arena *a)
{
	while (a) {
		rk_arena *next = a->next;
		free(a);
		a = next;
	}
}

static inline uint64_t
load64(const char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static inline uint32_t
load32(const char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

/* The bytes of a short key as one or two words, read without going past
 * its end: overlapping loads from both ends. */
static inline void
shortwords(const char *k, size_t len, uint64_t *a, uint64_t *b)
{
	if (len >= 8) {
		*a = load64(k);
		*b = load64(k + len - 8);
	} else if (len >= 4) {
		*a = load32(k);
		*b = load32(k + len - 4);
	} else if (len > 0) {
		*a = (uint64_t)(unsigned char)k[0] << 16 | (uint64_t)(unsigned char)k[len / 2] << 8 |
		     (unsigned char)k[len - 1];
		*b = 0;
	} else {
		*a = *b = 0;
	}
}

/* Multiply-mix hash; keys are mostly short UTF-8 strings. */
static inline uint64_t
hashkey(unsigned grp, const char *k, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ ((uint64_t)grp << 32) ^ len, a, b;
	while (len > 16) {
		h = (h ^ load64(k)) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
		k += 8;
		len -= 8;
	}
	shortwords(k, len, &a, &b);
	h = (h ^ a) * 0xFF51AFD7ED558CCDu;
	h ^= h >> 32;
	h = (h ^ b) * 0xC4CEB9FE1A85EC53u;
	h ^= h >> 29;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 32;
	return h;
}

static inline int
keyeq(const char *x, const char *y, size_t len)
{
	uint64_t xa, xb, ya, yb;
	if (len > 16)
		return memcmp(x, y, len) == 0;
	if (len > 8)
		return load64(x) == load64(y) && load64(x + len - 8) == load64(y + len - 8);
	shortwords(x, len, &xa, &xb);
	shortwords(y, len, &ya, &yb);
	return xa == ya && xb == yb;
}

/* A slot is the entry itself, so that a lookup touches one cache line
 * (two for a key longer than INLINE, kept in the arena). */
enum { INLINE = 12 };   /* four Han characters */
struct rk_cslot {
	uint64_t hash;   /* 0: empty */
	long n;
	uint32_t len, grp, id;
	char k[INLINE];  /* the key, or a pointer to it in the arena */
};

static const char *
slotkey(const struct rk_cslot *s)
{
	const char *p;
	if (s->len <= INLINE)
		return s->k;
	memcpy(&p, s->k, sizeof p);
	return p;
}

void
rk_count_init(rk_count *c, size_t max)
{
	memset(c, 0, sizeof *c);
	c->max = max;
}

static void
grow_slots(rk_count *c)
{
	size_t i, nslot = c->nslot ? c->nslot * 2 : 1024;
	struct rk_cslot *slot = calloc(nslot, sizeof *slot);
	if (!slot)
		rk_die(1, "out of memory");
	/* by id, so that order[] can follow each entry to its new place */
	for (i = 0; i < c->nent; i++) {
		const struct rk_cslot *old = &c->slot[c->order[i]];
		size_t j = (size_t)old->hash & (nslot - 1);
		while (slot[j].hash)
			j = (j + 1) & (nslot - 1);
		slot[j] = *old;
		c->order[i] = (uint32_t)j;
	}
	free(c->slot);
	c->slot = slot;
	c->nslot = nslot;
}

static long
add_hashed(rk_count *c, uint64_t h, unsigned grp, const char *k, size_t len, long n)
{
	size_t j = 0;
	struct rk_cslot *e;

	if (c->nslot) {
		for (j = (size_t)h & (c->nslot - 1); c->slot[j].hash; j = (j + 1) & (c->nslot - 1)) {
			e = &c->slot[j];
			if (e->hash == h && e->len == len && e->grp == grp &&
			    keyeq(slotkey(e), k, len)) {
				if (__builtin_add_overflow(e->n, n, &e->n)) {
					/* held at the most a long holds, and said */
					e->n = LONG_MAX;
					if (c->saturated++ == 0)
						c->saturated_id = e->id;
				}
				return (long)e->id;
			}
		}
	}
	if (c->max && c->nent >= c->max) {
		if (__builtin_add_overflow(c->dropped, n, &c->dropped))
			c->dropped = LONG_MAX;
		return -1;
	}
	if (c->nent >= 0xFFFFFFF0u)
		rk_die(1, "more than 4294967280 distinct keys");
	if ((c->nent + 1) * 2 > c->nslot) {
		grow_slots(c);
		for (j = (size_t)h & (c->nslot - 1); c->slot[j].hash; j = (j + 1) & (c->nslot - 1))
			;
	}
	if (c->nent == c->ordercap) {
		c->ordercap = c->ordercap ? c->ordercap * 2 : 256;
		c->order = rk_realloc(c->order, c->ordercap * sizeof *c->order);
	}
	e = &c->slot[j];
	e->hash = h;
	e->n = n;
	e->len = (uint32_t)len;
	e->grp = grp;
	e->id = (uint32_t)c->nent;
	if (len <= INLINE) {
		memcpy(e->k, k, len);
	} else {
		const char *p = arena_copy(&c->arena, k, len);
		memcpy(e->k, &p, sizeof p);
	}
	c->order[c->nent] = (uint32_t)j;
	return (long)c->nent++;
}

long
rk_count_add(rk_count *c, unsigned grp, const char *k, size_t len, long n)
{
	return add_hashed(c, hashkey(grp, k, len) | 1, grp, k, len, n);
}

/* A lookup is one cache miss in a big table: hashing a batch first and
 * asking for slots some keys ahead lets the misses overlap. */
void
rk_count_add_many(rk_count *c, const rk_ckey *keys, size_t n)
{
	enum { BATCH = 256, AHEAD = 12 };
	uint64_t h[BATCH];
	size_t i, b;
	for (b = 0; b < n; b += BATCH) {
		size_t m = n - b < BATCH ? n - b : BATCH;
		const rk_ckey *k = keys + b;
		for (i = 0; i < m; i++) {
			h[i] = hashkey(k[i].grp, k[i].k, k[i].len) | 1;
#ifdef __GNUC__
			if (i < AHEAD && c->nslot)
				__builtin_prefetch(&c->slot[(size_t)h[i] & (c->nslot - 1)]);
#endif
		}
		for (i = 0; i < m; i++) {
#ifdef __GNUC__
			if (i + AHEAD < m && c->nslot)
				__builtin_prefetch(&c->slot[(size_t)h[i + AHEAD] & (c->nslot - 1)]);
#endif
			add_hashed(c, h[i], k[i].grp, k[i].k, k[i].len, 1);
		}
	}
}

const char *
rk_count_key(const rk_count *c, unsigned long id, size_t *len)
{
	const struct rk_cslot *e = &c->slot[c->order[id]];
	*len = e->len;
	return slotkey(e);
}

int
rk_keycmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);
	if (r)
		return r;
	return alen < blen ? -1 : alen > blen;
}

static int
bycount(const void *pa, const void *pb)
{
	const rk_centry *a = pa, *b = pb;
	if (a->grp != b->grp)
		return a->grp < b->grp ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return rk_keycmp(a->key, a->len, b->key, b->len);
}

static int
bykeyonly(const void *pa, const void *pb)
{
	const rk_centry *a = pa, *b = pb;
	if (a->grp != b->grp)
		return a->grp < b->grp ? -1 : 1;
	return rk_keycmp(a->key, a->len, b->key, b->len);
}

void
rk_count_sort(rk_count *c, int bykey)
{
	size_t i;
	if (c->nent > c->entcap) {
		c->entcap = c->nent;
		c->ent = rk_realloc(c->ent, c->entcap * sizeof *c->ent);
	}
	for (i = 0; i < c->nent; i++) {
		const struct rk_cslot *e = &c->slot[c->order[i]];
		c->ent[i].key = slotkey(e);
		c->ent[i].len = e->len;
		c->ent[i].grp = e->grp;
		c->ent[i].n = e->n;
	}
	c->nsorted = c->nent;
	rk_centry_sort(c->ent, c->nent, bykey);
}

void
rk_centry_sort(rk_centry *e, size_t n, int bykey)
{
	if (n > 1)
		qsort(e, n, sizeof *e, bykey ? bykeyonly : bycount);
}

void
rk_count_clear(rk_count *c)
{
	if (c->nslot && c->nent)
		memset(c->slot, 0, c->nslot * sizeof *c->slot);
	c->nent = 0;
	c->nsorted = 0;
	c->dropped = 0;
	c->saturated = 0;
	/* keep one arena block for the next document */
	if (c->arena) {
		arena_free(c->arena->next);
		c->arena->next = NULL;
		c->arena->used = 0;
		if (c->arena->size != ARENA_BLOCK) {
			free(c->arena);
			c->arena = NULL;
		}
	}
}

void
rk_count_free(rk_count *c)
{
	free(c->ent);
	free(c->slot);
	free(c->order);
	arena_free(c->arena);
	memset(c, 0, sizeof *c);
}
