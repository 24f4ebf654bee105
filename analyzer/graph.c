/*
 * graph.c: locations, edges and notes: the data the solver works on.
 *
 * An edge dst <- src with derefs d says "the value of src, dereferenced d
 * times (or its address, d = -1), may be stored in dst". Like Go's
 * escape.flow: an edge into the blank sink (dst NULL) is dropped, and so
 * is a self-edge that takes no address, since it adds nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "ec.h"

struct location *
graph_loc(struct tu *tu, struct func *fn, enum loc_kind k, const char *name,
	  struct pos pos)
{
	struct location *l = arena_alloc(&tu->arena, sizeof *l);
	l->id = tu->nlocs++;
	l->kind = k;
	l->name = name;
	l->sym = name;
	l->pos = pos;
	l->fn = fn;
	l->param_index = -1;
	l->leak_heap = l->leak_unknown = l->leak_result = LEAK_NONE;
	if (fn)
		pv_push(&fn->locs, l);
	return l;
}

struct edge *
graph_flow(struct tu *tu, struct location *dst, int derefs,
	   struct location *src, struct note *notes, int seq)
{
	if (!dst || !src)
		return NULL;
	if (dst == src && derefs >= 0)
		return NULL;
	if (derefs < -1)
		bug("edge with derefs %d", derefs);
	if (derefs < 0)
		src->addr_taken = 1;
	if (dst->nin == dst->capin) {
		int cap = dst->capin ? dst->capin * 2 : 4;
		struct edge *e = arena_alloc(&tu->arena, sizeof *e * (size_t)cap);
		if (dst->nin)
			memcpy(e, dst->in, sizeof *e * (size_t)dst->nin);
		dst->in = e;
		dst->capin = cap;
	}
	struct edge *e = &dst->in[dst->nin++];
	e->src = src;
	e->derefs = derefs;
	e->notes = notes;
	e->seq = seq;
	return e;
}

struct note *
graph_note(struct tu *tu, struct note *next, struct pos pos, const char *where,
	   enum reason why)
{
	struct note *n = arena_alloc(&tu->arena, sizeof *n);
	n->pos = pos;
	n->where = where;
	n->why = why;
	n->next = next;
	return n;
}

int
region_is_ancestor(struct func *fn, int anc, int r)
{
	while (r >= 0) {
		if (r == anc)
			return 1;
		r = fn->regions[r].parent;
	}
	return 0;
}

struct event *
graph_event(struct tu *tu, struct func *fn, enum event_kind k,
	    struct location *var, const char *key, struct pos pos, int region)
{
	if (fn->nevents == fn->capevents) {
		fn->capevents = fn->capevents ? fn->capevents * 2 : 32;
		fn->events = xrealloc(fn->events, sizeof *fn->events * (size_t)fn->capevents);
	}
	struct event *e = &fn->events[fn->nevents++];
	memset(e, 0, sizeof *e);
	e->kind = k;
	e->seq = fn->nseq++;
	e->region = region;
	e->var = var;
	e->key = key;
	e->pos = pos;
	e->start = e->seq;
	return e;
}

/* The innermost region open at sequence number seq, from a table built
 * on first use (one entry per sequence number). */
int
graph_region_at(struct func *fn, int seq)
{
	if (!fn->seq_region) {
		/* one sweep: regions open and close at distinct sequence numbers
		 * and nest, so a stack says which is innermost (a range walk per
		 * region would be quadratic in deeply nested code) */
		int n = fn->nseq + 1;
		int *open = xmalloc(sizeof *open * (size_t)n);
		int *close = xmalloc(sizeof *close * (size_t)n);
		int *stack = xmalloc(sizeof *stack * (size_t)(fn->nregions + 1));
		for (int q = 0; q < n; q++)
			open[q] = close[q] = -1;
		for (int r = 0; r < fn->nregions; r++) {
			int lo = fn->regions[r].start_seq, hi = fn->regions[r].end_seq;
			if (lo >= 0 && lo < n)
				open[lo] = r;
			if (hi >= 0 && hi < n)
				close[hi] = r;
		}
		fn->seq_region = xcalloc((size_t)n, sizeof *fn->seq_region);
		int sp = 0;
		for (int q = 0; q < n; q++) {
			if (close[q] >= 0 && sp > 0)
				sp--;
			if (open[q] >= 0)
				stack[sp++] = open[q];
			fn->seq_region[q] = sp ? stack[sp - 1] : 0;
		}
		free(open);
		free(close);
		free(stack);
	}
	if (seq < 0 || seq > fn->nseq)
		return 0;
	return fn->seq_region[seq];
}
