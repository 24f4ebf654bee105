/*
 * solve.c: the min-derefs walk (Go's escape/solve.go, for C).
 *
 * walk_one(root) visits every location whose value can reach root,
 * following edges backwards and keeping, for each, the minimum number of
 * dereferences on the way (a Bellman-Ford relaxation; a negative count,
 * an address, is clamped to 0 before going further, so address-of cycles
 * do no harm). When a location l is reached with its *address* (derefs
 * < 0) and root outlives l, l's address escapes: l's level is raised to
 * root's, and l is queued as a root itself, since whatever is stored in
 * l now escapes with it. When l is a parameter, root records a leak in
 * the parameter's summary with the derefs it took.
 *
 * outlives() carries C's lifetimes: {heap}, {unknown} and escaping
 * locations outlive everything; the result outlives every object of its
 * function (the frame dies at return); a local declared in an enclosing
 * block outlives an object of an inner block, which check.c turns into a
 * bug only if the outer pointer is used after the inner block ends.
 *
 * Each discovery records its path (the predecessor chain dst/dst_edge at
 * that moment), so every finding explains itself.
 *
 * Before the walk, solve_stores resolves stores through pointers: *p = v
 * flows into whatever p may point to (found by a walk from p), and into
 * {heap} when p may point into the caller's memory, unless the store is
 * undone (overwritten) before every return.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ec.h"

static int walkgen;

struct stack {
	struct location **v;
	int n, cap;
};

static void
push(struct stack *s, struct location *l)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xrealloc(s->v, sizeof *s->v * (size_t)s->cap);
	}
	s->v[s->n++] = l;
}

static int
is_stack_obj(const struct location *l)
{
	return l->kind == LOC_VAR || l->kind == LOC_PARAM || l->kind == LOC_COMPLIT ||
	       l->kind == LOC_ALLOCA;
}

struct path *
solve_path(struct tu *tu, struct location *from, struct location *root)
{
	int n = 0;
	for (struct location *l = from; l && l != root && n < 100000; l = l->dst)
		n++;
	struct path *p = arena_alloc(&tu->arena, sizeof *p);
	p->from = arena_alloc(&tu->arena, sizeof *p->from * (size_t)(n + 1));
	p->edge = arena_alloc(&tu->arena, sizeof *p->edge * (size_t)(n + 1));
	p->root = root;
	struct location *l = from;
	for (int i = 0; i < n && l; i++, l = l->dst) {
		p->from[i] = l;
		p->edge[i] = l->dst_edge;
	}
	p->n = n;
	return p;
}

/* ---- stores ---- */

/* Is the store undone: the same lvalue written again later, in the same
 * block or an enclosing one (so on every path that gets there), with no
 * return or jump in between? */
/* Does the identifier name occur in the lvalue text key? */
static int
names(const char *key, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = strstr(key, name); p; p = strstr(p + 1, name)) {
		int before = p > key && (isalnum((unsigned char)p[-1]) || p[-1] == '_');
		int after = isalnum((unsigned char)p[n]) || p[n] == '_';
		if (!before && !after)
			return 1;
	}
	return 0;
}

/* Is the store undone on every path: does every path from it to a
 * return write the same lvalue again first (g = &h; ... g = saved;
 * return)? A write to a variable the lvalue names (p in *p) makes a
 * later store go elsewhere, so it does not count. Exits without a
 * return (exit, abort, longjmp) need nothing. */
static int
store_undone_cfg(struct func *fn, const struct store *st)
{
	char *seen = xcalloc((size_t)fn->nblocks, 1);
	int *stack = xmalloc(sizeof *stack * (size_t)(fn->nblocks + 1));
	int sp = 0, ok = 1, b = st->block, start = st->op + 1;
	for (;;) {
		struct bblock *bb = &fn->blocks[b];
		int stop = 0;
		for (int i = start; i < bb->nops && !stop; i++) {
			const struct op *o = &bb->ops[i];
			if (o->kind == OP_STORE && o->text && !strcmp(o->text, st->key))
				stop = 1;
			else if (o->kind == OP_RETURN)
				ok = 0, stop = 1;
			else if (o->kind == OP_ASSIGN && o->dst >= 0 && !o->scope_end &&
				 names(st->key, fn->keys.v[o->dst]))
				ok = 0, stop = 1;
		}
		for (int k = 0; ok && !stop && k < bb->nsucc; k++)
			if (!seen[bb->succ[k]]) {
				seen[bb->succ[k]] = 1;
				stack[sp++] = bb->succ[k];
			}
		if (!ok || !sp)
			break;
		b = stack[--sp];
		start = 0;
	}
	free(seen);
	free(stack);
	return ok;
}

static int
store_undone(struct func *fn, const struct store *st)
{
	if (!st->key)
		return 0;
	if (st->block >= 0 && st->block < fn->nblocks)
		return store_undone_cfg(fn, st);
	for (int i = 0; i < fn->nevents; i++) {
		const struct event *e = &fn->events[i];
		if (e->seq <= st->seq)
			continue;
		if (e->kind == EV_JUMP)
			return 0;
		/* *p = &x; p = q; *p = 0: the second store writes elsewhere */
		if (e->kind == EV_WRITE && e->var && names(st->key, e->var->name))
			return 0;
		if (e->kind == EV_STORE && e->key && !strcmp(e->key, st->key) &&
		    region_is_ancestor(fn, e->region, st->region))
			return 1;
	}
	return 0;
}

/* What base may point to: locations reached with their address, and
 * whether it may point outside the frame (a parameter's memory, a
 * global's, a pointer from a function we cannot see). */
static void
pointees(struct tu *tu, struct location *base, struct ptrvec *out, int *outside)
{
	/* a parameter reached by value: the store goes into the caller's
	 * memory, *param, kept apart from {heap} so the summary can say
	 * which argument's memory it is */
	struct stack s = {0};
	int gen = ++walkgen;
	base->walkgen = gen;
	base->derefs = 0;
	push(&s, base);
	*outside = 0;
	while (s.n) {
		struct location *l = s.v[--s.n];
		int d = l->derefs;
		if (d < 0) {
			pv_push(out, l);
			continue;
		}
		if (l->kind == LOC_PARAM && l->content) {
			int dup = 0;
			for (int j = 0; j < out->n; j++)
				dup |= out->v[j] == l->content;
			if (!dup)
				pv_push(out, l->content);
		} else if (l->kind == LOC_PARAM || l->kind == LOC_HEAP || l->kind == LOC_UNKNOWN ||
			   (l->kind == LOC_TEMP && l->nin == 0 && l->call_result)) {
			/* (an argument with no source, strtol(s, NULL, 10)'s NULL,
			 * points nowhere) */
			*outside = 1;
			if (l->kind != LOC_PARAM)
				continue;
		}
		for (int i = 0; i < l->nin; i++) {
			struct edge *e = &l->in[i];
			int nd = d + e->derefs;
			if (e->src->walkgen != gen || nd < e->src->derefs) {
				e->src->walkgen = gen;
				e->src->derefs = nd;
				push(&s, e->src);
			}
		}
	}
	free(s.v);
}

void
solve_stores(struct tu *tu, struct func **fns, int n)
{
	for (int f = 0; f < n; f++) {
		struct func *fn = fns[f];
		for (int i = 0; i < fn->stores.n; i++) {
			struct store *st = fn->stores.v[i];
			struct note *why = graph_note(tu, NULL, st->pos, st->text,
						      st->base ? R_STORE : R_GLOBAL_STORE);
			int outside = 1;
			if (st->base) {
				struct ptrvec targets = {0};
				pointees(tu, st->base, &targets, &outside);
				for (int j = 0; j < targets.n; j++) {
					struct location *t = targets.v[j];
					/* the caller's memory, like {heap}, keeps
					 * only stores that are not undone */
					if (t->kind == LOC_PCONTENT && store_undone(fn, st))
						continue;
					graph_flow(tu, t, 0, st->mem, why, st->seq);
				}
				pv_free(&targets);
			}
			if (outside && !store_undone(fn, st))
				graph_flow(tu, fn->heap, 0, st->mem, why, st->seq);
		}
	}
}

/* ---- the walk ---- */

static enum esc_level
root_level(struct location *root)
{
	if (root->level > ESC_NONE)
		return root->level;
	if (root->kind == LOC_RESULT)
		return root->is_ptr ? ESC_PROVEN : ESC_NONE;
	return ESC_NONE;
}

/* Does a value stored in root live longer than l? *block is set when the
 * only reason is block scope. */
static int
outlives(struct location *root, struct location *l, int *block)
{
	*block = 0;
	if (root->level > ESC_NONE)
		return 1;
	if (root->kind == LOC_RESULT)
		return root->is_ptr && l->fn == root->fn;
	if (root->fn != l->fn)
		return 0;
	/* a local, not a parameter: a recursive call wires its parameters to
	 * the caller's arguments, which would mix two activations */
	if (root->kind == LOC_VAR && is_stack_obj(l) &&
	    l->region != root->region && region_is_ancestor(root->fn, root->region, l->region)) {
		*block = 1;
		return 1;
	}
	return 0;
}

static void
record_leak(struct tu *tu, struct location *root, struct location *p, int d,
	    enum esc_level rl)
{
	int *slot;
	struct path **why;
	if (root->kind == LOC_RESULT) {
		if (root->fn != p->fn)
			return;
		slot = &p->leak_result;
		why = &p->why_result;
	} else if (root->kind == LOC_PCONTENT && root->fn == p->fn && p->leak_to) {
		slot = &p->leak_to[root->param_index];
		why = &p->why_to[root->param_index];
	} else if (rl == ESC_PROVEN) {
		slot = &p->leak_heap;
		why = &p->why_heap;
	} else if (rl == ESC_UNKNOWN) {
		slot = &p->leak_unknown;
		why = &p->why_unknown;
	} else {
		return;
	}
	if (d < *slot) {
		*slot = d;
		*why = check_want_traces() ? solve_path(tu, p, root) : NULL;
	}
}

static void
record_block(struct tu *tu, struct location *root, struct location *l)
{
	struct func *fn = root->fn;
	for (int i = 0; i < fn->block_escapes.n; i++) {
		struct block_escape *b = fn->block_escapes.v[i];
		if (b->root == root && b->obj == l)
			return;
	}
	struct block_escape *b = arena_alloc(&tu->arena, sizeof *b);
	b->root = root;
	b->obj = l;
	b->path = solve_path(tu, l, root);
	pv_push(&fn->block_escapes, b);
}

static void
walk_one(struct tu *tu, struct location *root, struct stack *work)
{
	struct stack s = {0};
	int gen = ++walkgen;
	enum esc_level rl = root_level(root);
	root->walkgen = gen;
	root->derefs = 0;
	root->dst = NULL;
	root->dst_edge = NULL;
	push(&s, root);
	while (s.n) {
		struct location *l = s.v[--s.n];
		int d = l->derefs, addr = d < 0, block;
		/* an object that holds its own address (a[0].next = &a[1]):
		 * wherever its value goes, its address goes; the self-edge is
		 * not followed, so a trace never loops on it */
		for (int i = 0; i < l->nin && !addr && d == 0; i++)
			addr = l->in[i].src == l && l->in[i].derefs < 0;
		if (addr)
			d = 0;
		if (l != root && outlives(root, l, &block)) {
			if (l->kind == LOC_PARAM && !block)
				record_leak(tu, root, l, d, rl);
			if (addr && !block && rl > l->level) {
				l->level = rl;
				l->why_escapes = solve_path(tu, l, root);
				if (!l->queued) {
					l->queued = 1;
					push(work, l);
				}
				continue;
			}
			if (addr && block)
				record_block(tu, root, l);
		}
		for (int i = 0; i < l->nin; i++) {
			struct edge *e = &l->in[i];
			struct location *src = e->src;
			if (src == l)
				continue;
			if (rl > ESC_NONE && src->level >= rl && src->kind != LOC_PARAM)
				continue;
			int nd = d + e->derefs;
			if (src->walkgen != gen || nd < src->derefs) {
				src->walkgen = gen;
				src->derefs = nd;
				src->dst = l;
				src->dst_edge = e;
				push(&s, src);
			}
		}
	}
	free(s.v);
}

/* Regions with an address-taken automatic object somewhere below them:
 * only locals declared there can outlive such an object by block scope,
 * so only they need a walk of their own. */
static char *
regions_with_addr_below(struct func *fn)
{
	char *below = xcalloc((size_t)(fn->nregions ? fn->nregions : 1), 1);
	for (int i = 0; i < fn->locs.n; i++) {
		struct location *l = fn->locs.v[i];
		if (!l->addr_taken || !is_stack_obj(l) || l->region <= 0)
			continue;
		for (int r = fn->regions[l->region].parent; r >= 0; r = fn->regions[r].parent)
			below[r] = 1;
	}
	return below;
}

void
solve_batch(struct tu *tu, struct func **fns, int n)
{
	struct stack work = {0};
	for (int f = 0; f < n; f++) {
		struct func *fn = fns[f];
		char *below = regions_with_addr_below(fn);
		for (int i = 0; i < fn->locs.n; i++) {
			struct location *l = fn->locs.v[i];
			if (l->kind == LOC_VAR && l->region >= 0 && below[l->region]) {
				l->queued = 1;
				push(&work, l);
			}
		}
		free(below);
		fn->result->queued = 1;
		push(&work, fn->result);
	}
	for (int f = 0; f < n; f++) {
		fns[f]->unknown->queued = 1;
		push(&work, fns[f]->unknown);
		for (int i = 0; i < fns[f]->nparams; i++) {
			struct location *c = fns[f]->params[i]->content;
			if (c) {
				c->queued = 1;
				push(&work, c);
			}
		}
	}
	for (int f = 0; f < n; f++) {
		fns[f]->heap->queued = 1;
		push(&work, fns[f]->heap);	/* last in, so walked first */
	}
	while (work.n) {
		struct location *root = work.v[--work.n];
		root->queued = 0;
		walk_one(tu, root, &work);
	}
	free(work.v);
	for (int f = 0; f < n; f++)
		fns[f]->summarized = 1;
}
