/* Reading ahead: the reader runs in a second thread (rk_opts.ahead).
 *
 * Decoding, rejoining lines and keeping the outline cost a tool like
 * rmetric a third of its time; in a thread of their own they overlap the
 * tool's work.  Blocks go over in batches of about AHEAD_BYTES of text,
 * through a ring of NBATCH batches: the threads meet once a batch, not
 * once a block, and the ring absorbs stretches where one side is slower.
 * Memory stays bounded whatever the input: past two batches (the one the
 * tool reads and the next), the reader stops while the ring holds NBATCH
 * batches or RING_BYTES bytes, since one paragraph (up to 512 KiB) may
 * make a batch that large alone; and a batch grown past its size gives
 * its buffers back once read.  A thread that waits for the other costs a
 * sleep and a wake-up in the kernel, so the reader, once it stops, sleeps
 * until half of the ring is free again, and the tool, once it waits, until
 * half of it is full (or the reader has to stop).
 *
 * A block is copied whole into its batch: text, sect, doc and the
 * document's carried columns.  Its position map is cut to the block and
 * starts at its first byte (textoff 0), so that a copy never holds the
 * rest of its paragraph; rk_pos() on the copy gives what it gives on the
 * original.  A tool's prescan (rk_opts.prescan) runs here too, on the
 * copy: work moved from the tool's thread to this one, which has less.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define AHEAD_BYTES (64 * 1024)
#define NBATCH 8
#define RING_BYTES (AHEAD_BYTES * NBATCH)

/* Where each block's parts lie in the batch's byte and anchor arrays,
 * until the batch is full and its blocks get pointers. */
typedef struct {
	size_t text, sect, doc, carried, carriedlen, anchor, mark;
} parts;

typedef struct {
	rk_block *blocks;
	parts *at;
	size_t n, cap;
	char *bytes;
	size_t len, bcap;
	rk_anchor *anchors;
	size_t nanch, acap;
	unsigned *marks;     /* the prescan's offsets */
	size_t nmark, mcap;
	int last;            /* the reader's end is in this batch */
} batch;

/* What a batch holds, as the ring counts it. */
static size_t
batch_size(const batch *t)
{
	/* anchors count: a paragraph of many short lines has one a line */
	return t->len + t->nmark * sizeof *t->marks + t->nanch * sizeof *t->anchors;
}

struct rk_ahead {
	rk_reader *r;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t room, ready;   /* the reader waits for room, the tool for a batch */
	batch b[NBATCH];
	int nfull;           /* batches handed to the tool and not given back yet */
	size_t held;         /* their bytes */
	int reader_waits, tool_waits, stop;
	/* the tool's side: it reads b[take] */
	int take, holding, done;
	size_t next;
	const char *carried;
	size_t carriedlen;
	/* the reader's side: rk_pos() of the original blocks */
	rk_poscache pc;
	size_t (*prescan)(const char *, size_t, unsigned *, size_t);
};

static size_t
put_bytes(batch *t, const char *s, size_t n, int nul)
{
	size_t at = t->len;
	if (t->len + n + 1 > t->bcap) {
		/* not doubled: a batch is AHEAD_BYTES and its last block */
		t->bcap = t->len + n + 1 + AHEAD_BYTES;
		t->bytes = rk_realloc(t->bytes, t->bcap);
	}
	if (n)   /* an empty block's text may be NULL */
		memcpy(t->bytes + t->len, s, n);
	t->len += n;
	if (nul)
		t->bytes[t->len++] = 0;
	return at;
}

static void
put_anchor(batch *t, size_t off, long line, long col)
{
	if (t->nanch == t->acap) {
		t->acap = t->acap ? t->acap * 2 : 256;
		t->anchors = rk_realloc(t->anchors, t->acap * sizeof *t->anchors);
	}
	t->anchors[t->nanch].off = off;
	t->anchors[t->nanch].line = line;
	t->anchors[t->nanch].col = col;
	t->nanch++;
}

/* A copy of b at the end of t. */
static void
add_block(rk_ahead *a, batch *t, const rk_block *b)
{
	rk_block *c;
	parts *p;
	size_t i, end = b->textoff + b->len;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->blocks = rk_realloc(t->blocks, t->cap * sizeof *t->blocks);
		t->at = rk_realloc(t->at, t->cap * sizeof *t->at);
	}
	c = &t->blocks[t->n];
	p = &t->at[t->n];
	t->n++;
	*c = *b;
	p->text = put_bytes(t, b->text, b->len, 0);
	p->sect = put_bytes(t, b->sect, strlen(b->sect), 1);
	p->doc = put_bytes(t, b->doc, strlen(b->doc), 1);
	{
		size_t k;
		const char *cs = rk_reader_carried(a->r, &k);
		p->carried = put_bytes(t, cs, k, 1);
		p->carriedlen = k;
	}
	p->anchor = t->nanch;
	c->textoff = 0;
	c->nanchors = 0;
	if (b->nanchors > 0) {
		long line, col;
		/* the first anchor: where text[0] stands; then those inside the block */
		rk_pos_cached(&a->pc, b, 0, &line, &col);
		put_anchor(t, 0, line, col);
		for (i = 0; i < b->nanchors && b->anchors[i].off <= b->textoff; i++)
			;
		for (; i < b->nanchors && b->anchors[i].off <= end; i++)
			put_anchor(t, b->anchors[i].off - b->textoff, b->anchors[i].line, b->anchors[i].col);
		c->nanchors = t->nanch - p->anchor;
	}
	/* the copy's map differs from its paragraph's: a serial of its own */
	c->serial = rk_new_serial();
	c->marks = NULL;
	c->nmarks = 0;
	p->mark = (size_t)-1;
	if (a->prescan) {
		/* at most a mark per four bytes: as much memory as the text */
		size_t max = b->len / 4 + 16, k;
		if (t->nmark + max > t->mcap) {
			t->mcap = t->nmark + max + AHEAD_BYTES / 16;
			t->marks = rk_realloc(t->marks, t->mcap * sizeof *t->marks);
		}
		k = a->prescan(b->text, b->len, t->marks + t->nmark, max);
		if (k != (size_t)-1) {
			p->mark = t->nmark;
			c->nmarks = k;
			t->nmark += k;
		}
	}
}

/* The batch is full: its blocks get their pointers. */
static void
seal(batch *t)
{
	size_t i;
	for (i = 0; i < t->n; i++) {
		rk_block *c = &t->blocks[i];
		const parts *p = &t->at[i];
		c->text = t->bytes + p->text;
		c->sect = t->bytes + p->sect;
		c->doc = t->bytes + p->doc;
		c->anchors = c->nanchors ? t->anchors + p->anchor : NULL;
		c->marks = p->mark != (size_t)-1 ? t->marks + p->mark : NULL;
	}
}

/* May the reader fill another batch?  (a->mu held) */
static int
room(const rk_ahead *a)
{
	return a->nfull < 2 || (a->nfull < NBATCH && a->held < RING_BYTES);
}

/* Is there room enough to wake the reader for?  (a->mu held) */
static int
half_free(const rk_ahead *a)
{
	return a->nfull < 2 || (a->nfull <= NBATCH / 2 && a->held <= RING_BYTES / 2);
}

static void *
reader_main(void *arg)
{
	rk_ahead *a = arg;
	int k = 0, stop;
	for (;;) {
		batch *t = &a->b[k];
		const rk_block *b;
		pthread_mutex_lock(&a->mu);
		while (!room(a) && !a->stop) {
			a->reader_waits = 1;
			pthread_cond_wait(&a->room, &a->mu);
		}
		a->reader_waits = 0;
		stop = a->stop;
		pthread_mutex_unlock(&a->mu);
		if (stop)
			break;
		t->n = t->len = t->nanch = t->nmark = 0;
		t->last = 0;
		while (batch_size(t) < AHEAD_BYTES) {
			if ((b = rk_next_block(a->r)) == NULL) {
				t->last = 1;
				break;
			}
			add_block(a, t, b);
		}
		seal(t);
		pthread_mutex_lock(&a->mu);
		a->nfull++;
		a->held += batch_size(t);
		/* a tool that waits is faster than this thread: woken with half
		 * the ring ready rather than at each batch, it sleeps less often */
		if (a->tool_waits && (a->nfull >= NBATCH / 2 || t->last || !room(a)))
			pthread_cond_signal(&a->ready);
		pthread_mutex_unlock(&a->mu);
		if (t->last)
			break;
		k = (k + 1) % NBATCH;
	}
	return NULL;
}

rk_ahead *
rk_ahead_start(rk_reader *r, size_t (*prescan)(const char *, size_t, unsigned *, size_t))
{
	rk_ahead *a;
	if (rk_cpus() < 2)
		return NULL;
	a = calloc(1, sizeof *a);
	if (!a)
		rk_die(1, "out of memory");
	a->r = r;
	a->prescan = prescan;
	a->pc.serial = (unsigned long)-1;
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->room, NULL);
	pthread_cond_init(&a->ready, NULL);
	if (pthread_create(&a->thread, NULL, reader_main, a) != 0) {
		/* no thread: the caller reads in its own */
		pthread_mutex_destroy(&a->mu);
		pthread_cond_destroy(&a->room);
		pthread_cond_destroy(&a->ready);
		free(a);
		return NULL;
	}
	return a;
}

const rk_block *
rk_ahead_next(rk_ahead *a)
{
	for (;;) {
		batch *t = &a->b[a->take];
		if (a->done)
			return NULL;
		if (a->holding) {
			if (a->next < t->n) {
				const parts *p = &t->at[a->next];
				a->carried = t->bytes + p->carried;
				a->carriedlen = p->carriedlen;
				return &t->blocks[a->next++];
			}
			if (t->last) {
				a->done = 1;
				return NULL;
			}
			/* give it back for the reader to fill again; grown past its
			 * size by a long paragraph, without its buffers, or the ring
			 * would keep one such size in every batch */
			if (t->bcap > 4 * AHEAD_BYTES) {
				free(t->bytes);
				t->bytes = NULL;
				t->bcap = 0;
			}
			if (t->acap > AHEAD_BYTES / 8) {
				free(t->anchors);
				t->anchors = NULL;
				t->acap = 0;
			}
			if (t->mcap > AHEAD_BYTES) {
				free(t->marks);
				t->marks = NULL;
				t->mcap = 0;
			}
			pthread_mutex_lock(&a->mu);
			a->nfull--;
			a->held -= batch_size(t);
			if (a->reader_waits && half_free(a))
				pthread_cond_signal(&a->room);
			pthread_mutex_unlock(&a->mu);
			a->holding = 0;
			a->take = (a->take + 1) % NBATCH;
			continue;
		}
		pthread_mutex_lock(&a->mu);
		while (a->nfull == 0) {
			a->tool_waits = 1;
			pthread_cond_wait(&a->ready, &a->mu);
		}
		a->tool_waits = 0;
		pthread_mutex_unlock(&a->mu);
		a->holding = 1;
		a->next = 0;
	}
}

const char *
rk_ahead_carried(const rk_ahead *a, size_t *n)
{
	*n = a->carriedlen;
	return a->carried ? a->carried : "";
}

void
rk_ahead_stop(rk_ahead *a)
{
	int k;
	if (!a)
		return;
	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_signal(&a->room);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->thread, NULL);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->room);
	pthread_cond_destroy(&a->ready);
	for (k = 0; k < NBATCH; k++) {
		free(a->b[k].blocks);
		free(a->b[k].at);
		free(a->b[k].bytes);
		free(a->b[k].anchors);
		free(a->b[k].marks);
	}
	free(a);
}
