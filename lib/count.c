/* The table of counted keys: open addressing over an array of entries kept
 * in insertion order, key bytes in an arena.  Memory grows with distinct
 * keys only; c->max caps them and what is turned away is counted. */
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

/* 64-bit multiply-mix over 8-byte words: keys are short UTF-8 strings. */
static uint64_t
hashkey(unsigned grp, const char *k, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ ((uint64_t)grp << 32) ^ len;
	uint64_t w;
	while (len >= 8) {
		memcpy(&w, k, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
		k += 8;
		len -= 8;
	}
	if (len) {
		w = 0;
		memcpy(&w, k, len);
		h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
	}
	h ^= h >> 29;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 32;
	return h;
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
	uint64_t *slot = calloc(nslot, sizeof *slot);
	if (!slot)
		rk_die(1, "out of memory");
	for (i = 0; i < c->nent; i++) {
		uint64_t h = c->ent[i].hash;
		size_t j = (size_t)h & (nslot - 1);
		while (slot[j])
			j = (j + 1) & (nslot - 1);
		slot[j] = (h >> 32) << 32 | (uint64_t)(i + 1);
	}
	free(c->slot);
	c->slot = slot;
	c->nslot = nslot;
}

long
rk_count_add(rk_count *c, unsigned grp, const char *k, size_t len, long n)
{
	uint64_t h = hashkey(grp, k, len), tag = h >> 32 << 32;
	size_t j = 0;
	rk_centry *e;

	if (c->nslot) {
		for (j = (size_t)h & (c->nslot - 1); c->slot[j]; j = (j + 1) & (c->nslot - 1)) {
			if ((c->slot[j] & 0xFFFFFFFF00000000u) != tag)
				continue;
			e = &c->ent[(c->slot[j] & 0xFFFFFFFFu) - 1];
			if (e->len == len && e->grp == grp && memcmp(e->key, k, len) == 0) {
				e->n += n;
				return e - c->ent;
			}
		}
	}
	if (c->max && c->nent >= c->max) {
		c->dropped += n;
		return -1;
	}
	if (c->nent >= 0xFFFFFFFEu)
		rk_die(1, "more than 4294967294 distinct keys");
	if ((c->nent + 1) * 2 > c->nslot) {
		grow_slots(c);
		for (j = (size_t)h & (c->nslot - 1); c->slot[j]; j = (j + 1) & (c->nslot - 1))
			;
	}
	if (c->nent == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->ent = rk_realloc(c->ent, c->cap * sizeof *c->ent);
	}
	e = &c->ent[c->nent];
	e->key = arena_copy(&c->arena, k, len);
	e->len = (unsigned)len;
	e->grp = grp;
	e->hash = h;
	e->n = n;
	c->slot[j] = tag | (uint64_t)(c->nent + 1);
	return (long)c->nent++;
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
	if (c->nent > 1)
		qsort(c->ent, c->nent, sizeof *c->ent, bykey ? bykeyonly : bycount);
	/* the slots point at the old order now */
	if (c->nslot)
		memset(c->slot, 0, c->nslot * sizeof *c->slot);
}

void
rk_count_clear(rk_count *c)
{
	if (c->nslot && c->nent)
		memset(c->slot, 0, c->nslot * sizeof *c->slot);
	c->nent = 0;
	c->dropped = 0;
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
	arena_free(c->arena);
	memset(c, 0, sizeof *c);
}
