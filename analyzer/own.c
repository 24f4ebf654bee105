/*
 * own.c: who owns each heap allocation, path by path: the verdicts
 * heap-leak and heap-noescape, and the summaries "frees its parameter"
 * and "returns a fresh allocation".
 *
 * A forward may-analysis over the function's CFG (cfg.c). For every
 * allocation site it keeps a set of possible states,
 *
 *   NONE     not allocated on this path (or the allocation failed: a
 *            null test of its holder took the NULL branch),
 *   LIVE     allocated and still ours,
 *   FREED    passed to free() or to a function that frees it,
 *   ESCAPED  handed on: returned, stored outside the frame, given to a
 *            function that keeps it or that we cannot see,
 *   LEAKED   lost (reported once, then no longer followed),
 *
 * and the set of keys (variables, fields of local structs, temporaries)
 * that may hold its pointer. States and holders are joined by union at
 * merge points, so the fixpoint is reached in a few passes.
 *
 * A LIVE site is *lost* where its last holder is overwritten or goes out
 * of scope, where a call's result is thrown away, and at a return that
 * does not hand it back: that is a leak, on that path, and a leak on any
 * path wins over every other verdict. Each pointer parameter is followed
 * as a pseudo-site, so the pass also learns whether the function frees
 * it on every path.
 *
 * Being a may-analysis, a holder that only *may* still hold the pointer
 * keeps the site alive: the pass errs towards silence, since a false
 * leak costs a user's trust more than a missed one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ec.h"

enum {
	S_NONE = 1, S_LIVE = 2, S_FREED = 4, S_ESCAPED = 8, S_LEAKED = 16,
};

struct own {
	struct tu *tu;
	struct func *fn;
	int nsites, nkeys, words;
	struct location **site;		/* sites; the first nparams are params */
	int nparam_sites;
	/* state: nsites masks, then nsites * words holder bits */
	size_t state_size;
	unsigned char *in;		/* per block entry state */
	unsigned char *reached;		/* per block: has any state */
	int reporting;
	const struct op *next;		/* the op after the one being applied */
	unsigned char *exit_mask;	/* per param site: OR at returns */
	int fresh_ok, fresh_any;
};

static unsigned char *
mask(struct own *o, unsigned char *st)
{
	return st;
}

static uint64_t *
hold(struct own *o, unsigned char *st, int s)
{
	return (uint64_t *)(st + o->nsites + (size_t)(-o->nsites & 7)) + (size_t)s * (size_t)o->words;
}

static int
holds(struct own *o, unsigned char *st, int s, int key)
{
	return key >= 0 && (hold(o, st, s)[key / 64] >> (key % 64) & 1);
}

static void
set_hold(struct own *o, unsigned char *st, int s, int key, int on)
{
	uint64_t *h = hold(o, st, s);
	if (on)
		h[key / 64] |= 1ull << (key % 64);
	else
		h[key / 64] &= ~(1ull << (key % 64));
}

static int
no_holders(struct own *o, unsigned char *st, int s)
{
	uint64_t *h = hold(o, st, s);
	for (int w = 0; w < o->words; w++)
		if (h[w])
			return 0;
	return 1;
}

static int
site_index(struct own *o, struct location *l)
{
	for (int i = 0; i < o->nsites; i++)
		if (o->site[i] == l)
			return i;
	return -1;
}

static void
leak(struct own *o, unsigned char *st, int s, int kind, const struct op *op, int holder)
{
	unsigned char *m = mask(o, st);
	if (!(m[s] & S_LIVE))
		return;
	m[s] = (unsigned char)((m[s] & ~S_LIVE) | S_LEAKED);
	if (!o->reporting || s < o->nparam_sites)
		return;
	struct location *site = o->site[s];
	if (site->leaked)
		return;
	site->leaked = 1;
	site->leak_kind = kind;
	site->leak_pos = op->pos;
	site->leak_text = op->text;
	site->leak_holder = holder >= 0 ? o->fn->keys.v[holder] : NULL;
}

/* LIVE becomes `to` for every site key may hold. */
static void
settle(struct own *o, unsigned char *st, int key, int to, const struct op *op)
{
	if (key < 0)
		return;
	const char *name = o->fn->keys.v[key];
	size_t nl = strlen(name);
	for (int s = 0; s < o->nsites; s++) {
		int held = holds(o, st, s, key);
		/* a struct handed on takes its fields with it */
		for (int k = 0; !held && k < o->nkeys; k++) {
			const char *kn = o->fn->keys.v[k];
			held = holds(o, st, s, k) && !strncmp(kn, name, nl) && kn[nl] == '.';
		}
		if (!held || !(st[s] & S_LIVE))
			continue;
		st[s] = (unsigned char)((st[s] & ~S_LIVE) | to);
		if (to == S_FREED && o->reporting && !o->site[s]->free_text) {
			o->site[s]->free_pos = op->pos;
			o->site[s]->free_text = op->text;
		}
	}
}

/* key stops holding anything; a LIVE site with no holder left is lost. */
static void
unhold(struct own *o, unsigned char *st, int key, int kind, const struct op *op, int silent)
{
	for (int s = 0; s < o->nsites; s++) {
		if (!holds(o, st, s, key))
			continue;
		set_hold(o, st, s, key, 0);
		if (no_holders(o, st, s) && (st[s] & S_LIVE)) {
			if (silent)
				st[s] = (unsigned char)((st[s] & ~S_LIVE) | S_ESCAPED);
			else
				leak(o, st, s, kind, op, key);
		}
	}
}

static void
copy_holders(struct own *o, unsigned char *st, int dst, int src)
{
	for (int s = 0; s < o->nsites; s++)
		if (holds(o, st, s, src))
			set_hold(o, st, s, dst, 1);
}

static int
param_leaks(const struct location *p)
{
	int any = p->leak_heap < LEAK_NONE || p->leak_unknown < LEAK_NONE;
	for (int j = 0; p->leak_to && j < p->fn->nparams; j++)
		any |= p->leak_to[j] < LEAK_NONE;
	return any;
}

static void
do_call(struct own *o, unsigned char *st, const struct op *op)
{
	struct call *c = op->call;
	struct func *g = c->callee;
	struct model *m = c->model;
	for (int i = 0; i < c->nargs; i++) {
		int k = c->arg_key[i];
		if (k < 0)
			continue;
		int effect;	/* 0 nothing, S_FREED, S_ESCAPED */
		if (c->arg_addr_of[i])
			effect = S_ESCAPED;	/* the callee may replace it */
		else if (g && g->own_done && i < g->nparams)
			effect = g->frees && g->frees[i] ? S_FREED
			       : param_leaks(g->params[i]) ? S_ESCAPED : 0;
		else if (g)
			effect = S_ESCAPED;	/* same batch: not known yet */
		else if (summary_known(c->callee_usr)) {
			int heap, unknown, result, to, esc = 0;
			if (summary_lookup(c->callee_usr, i, &heap, &unknown, &result))
				esc = heap < LEAK_NONE || unknown < LEAK_NONE;
			for (int j = 0; summary_lookup_to(c->callee_usr, i, j, &to); j++)
				esc |= to < LEAK_NONE;
			effect = summary_frees(c->callee_usr, i) ? S_FREED : esc ? S_ESCAPED : 0;
		} else if (m)
			effect = i < 64 && (m->frees >> i & 1) ? S_FREED
			       : i < 64 && ((m->escapes | m->thread) >> i & 1) ? S_ESCAPED : 0;
		else
			effect = c->arg_is_ptr[i] && !c->arg_noescape[i] ? S_ESCAPED : 0;
		if (effect == S_FREED && m && !g && m->alloc)	/* realloc: no array */
			for (int s = 0; s < o->nsites; s++)
				if (holds(o, st, s, k))
					o->site[s]->reallocated = 1;
		if (effect)
			settle(o, st, k, effect, op);
	}
	/* the result: a fresh allocation, or a pointer into an argument */
	int d = c->dst_key;
	if (d < 0)
		return;
	unhold(o, st, d, 1, op, 1);
	int s = c->alloc_site ? site_index(o, c->alloc_site) : -1;
	if (s >= 0) {
		/* The previous block from this site (a loop) is still ours. One
		 * state per site cannot follow two blocks: if its only holder is
		 * the variable this call's result goes to, it is overwritten
		 * (a leak); if others hold it (head = nd), forget it quietly. */
		const struct op *nx = o->next;
		if ((st[s] & S_LIVE) && nx && nx->kind == OP_ASSIGN && nx->src == d && !nx->weak &&
		    nx->dst >= 0) {
			int only = holds(o, st, s, nx->dst);
			set_hold(o, st, s, nx->dst, 0);
			only = only && no_holders(o, st, s);
			if (only)
				leak(o, st, s, 1, nx, nx->dst);
			else if (o->reporting)
				o->site[s]->outlives_iteration = 1;
		} else if ((st[s] & S_LIVE) && o->reporting) {
			o->site[s]->outlives_iteration = 1;
		}
		st[s] = S_LIVE;
		memset(hold(o, st, s), 0, sizeof(uint64_t) * (size_t)o->words);
		set_hold(o, st, s, d, 1);
	}
	for (int i = 0; i < c->nargs; i++) {
		int k = c->arg_key[i], alias = 0;
		if (k < 0 || c->arg_addr_of[i])
			continue;
		if (g && g->own_done && i < g->nparams)
			alias = g->params[i]->leak_result == 0;
		else if (m && !g)
			alias = i < 64 && (m->returns >> i & 1) && !m->alloc;
		if (alias)
			copy_holders(o, st, d, k);
	}
}

static void
do_return(struct own *o, unsigned char *st, const struct op *op)
{
	if (op->src >= 0) {
		int any = 0, bad = 0;
		for (int s = 0; s < o->nsites; s++)
			if (holds(o, st, s, op->src)) {
				any = 1;
				bad |= s < o->nparam_sites;
			}
		if (!any || bad)
			o->fresh_ok = 0;
		else
			o->fresh_any = 1;
		settle(o, st, op->src, S_ESCAPED, op);
	} else if (!op->null_value) {
		o->fresh_ok = 0;
	}
	for (int s = 0; s < o->nsites; s++) {
		if (s < o->nparam_sites) {
			o->exit_mask[s] |= st[s];
			continue;
		}
		if (!(st[s] & S_LIVE))
			continue;
		/* held by an array element: a collection filled in one loop is
		 * freed in another, a path we cannot count; stay silent */
		int in_array = 0;
		for (int k = 0; k < o->nkeys && !in_array; k++) {
			const char *kn = o->fn->keys.v[k];
			size_t l = strlen(kn);
			in_array = holds(o, st, s, k) && l > 2 && !strcmp(kn + l - 2, "[]");
		}
		if (in_array)
			st[s] = (unsigned char)((st[s] & ~S_LIVE) | S_ESCAPED);
		else
			leak(o, st, s, 0, op, -1);
	}
}

static void
transfer(struct own *o, unsigned char *st, const struct op *op)
{
	switch (op->kind) {
	case OP_ASSIGN:
		if (op->dst == op->src)
			break;
		if (!op->weak)
			unhold(o, st, op->dst, op->scope_end ? 3 : 1, op, 0);
		if (op->src >= 0) {
			copy_holders(o, st, op->dst, op->src);
			if (op->move)
				unhold(o, st, op->src, 1, op, 1);
		}
		break;
	case OP_CALL:
		do_call(o, st, op);
		break;
	case OP_ESCAPE:
		settle(o, st, op->src, S_ESCAPED, op);
		break;
	case OP_RETURN:
		do_return(o, st, op);
		break;
	case OP_STORE:	/* for solve.c's undone stores; no ownership effect */
		break;
	case OP_DROP:
		if (op->lost) {
			for (int s = 0; s < o->nsites; s++)
				if (holds(o, st, s, op->src)) {
					set_hold(o, st, s, op->src, 0);
					if (no_holders(o, st, s))
						leak(o, st, s, 2, op, -1);
				}
		} else {
			unhold(o, st, op->src, 2, op, 1);
		}
		break;
	}
}

/* Joins src into block b's entry state; returns whether it grew. */
static int
join(struct own *o, int b, const unsigned char *src)
{
	unsigned char *dst = o->in + (size_t)b * o->state_size;
	int grew = !o->reached[b];
	o->reached[b] = 1;
	for (size_t i = 0; i < o->state_size; i++) {
		unsigned char v = dst[i] | src[i];
		grew |= v != dst[i];
		dst[i] = v;
	}
	return grew;
}

static void
run_block(struct own *o, int b, unsigned char *st, int *work, int *nwork, unsigned char *queued)
{
	struct bblock *bb = &o->fn->blocks[b];
	memcpy(st, o->in + (size_t)b * o->state_size, o->state_size);
	for (int i = 0; i < bb->nops; i++) {
		o->next = i + 1 < bb->nops ? &bb->ops[i + 1] : NULL;
		transfer(o, st, &bb->ops[i]);
	}
	for (int k = 0; k < bb->nsucc; k++) {
		unsigned char *out = st;
		unsigned char *tmp = NULL;
		if (bb->test_key >= 0 && bb->null_succ == k) {
			/* the NULL side of a null test: the allocation failed */
			tmp = xmalloc(o->state_size);
			memcpy(tmp, st, o->state_size);
			for (int s = 0; s < o->nsites; s++)
				if (holds(o, tmp, s, bb->test_key) && (tmp[s] & S_LIVE))
					tmp[s] = (unsigned char)((tmp[s] & ~S_LIVE) | S_NONE);
			out = tmp;
		}
		int to = bb->succ[k];
		if (join(o, to, out) && work && !queued[to]) {
			queued[to] = 1;
			work[(*nwork)++] = to;
		}
		free(tmp);
	}
}

static void
own_func(struct tu *tu, struct func *fn)
{
	struct own o = {0};
	o.tu = tu;
	o.fn = fn;
	o.nkeys = fn->keys.n;
	o.words = (o.nkeys + 63) / 64 ? (o.nkeys + 63) / 64 : 1;
	/* sites: pointer parameters first, then the allocations */
	struct ptrvec sites = {0};
	for (int i = 0; i < fn->nparams; i++)
		pv_push(&sites, fn->params[i]);
	o.nparam_sites = sites.n;
	for (int i = 0; i < fn->calls.n; i++) {
		struct call *c = fn->calls.v[i];
		if (c->alloc_site)
			pv_push(&sites, c->alloc_site);
	}
	o.nsites = sites.n;
	o.site = (struct location **)sites.v;
	fn->frees = arena_alloc(&tu->arena, (size_t)(fn->nparams ? fn->nparams : 1));
	/* keep the pass linear-ish: give up on huge functions (no verdict) */
	if (fn->nblocks == 0 || (size_t)o.nsites * (size_t)o.words * 8 * (size_t)fn->nblocks > (64u << 20)) {
		for (int s = o.nparam_sites; s < o.nsites; s++)
			o.site[s]->leak_kind = -1;
		pv_free(&sites);
		fn->own_done = 1;
		return;
	}
	o.state_size = (size_t)o.nsites + (size_t)(-o.nsites & 7) + (size_t)o.nsites * (size_t)o.words * 8;
	if (!o.state_size)
		o.state_size = 1;
	o.in = xcalloc((size_t)fn->nblocks, o.state_size);
	o.reached = xcalloc((size_t)fn->nblocks, 1);
	o.exit_mask = xcalloc((size_t)(o.nparam_sites ? o.nparam_sites : 1), 1);
	unsigned char *st = xmalloc(o.state_size);
	unsigned char *entry = xcalloc(1, o.state_size);
	for (int s = 0; s < o.nsites; s++)
		entry[s] = S_NONE;
	for (int s = 0; s < o.nparam_sites; s++) {
		struct location *p = o.site[s];
		if (p->is_ptr) {
			entry[s] = S_LIVE;
			for (int k = 0; k < o.nkeys; k++)
				if (!strcmp(fn->keys.v[k], p->name))
					set_hold(&o, entry, s, k, 1);
		}
	}
	join(&o, 0, entry);

	int *work = xmalloc(sizeof *work * (size_t)fn->nblocks * 2 + sizeof *work);
	unsigned char *queued = xcalloc((size_t)fn->nblocks, 1);
	int nwork = 0;
	work[nwork++] = 0;
	queued[0] = 1;
	long steps = 0;
	while (nwork && steps < 200000) {
		int b = work[--nwork];
		queued[b] = 0;
		run_block(&o, b, st, work, &nwork, queued);
		steps++;
	}
	/* one more pass over the fixpoint, reporting */
	o.reporting = 1;
	o.fresh_ok = 1;
	o.fresh_any = 0;
	memset(o.exit_mask, 0, (size_t)(o.nparam_sites ? o.nparam_sites : 1));
	for (int b = 0; b < fn->nblocks; b++)
		if (o.reached[b])
			run_block(&o, b, st, NULL, NULL, NULL);

	for (int s = 0; s < o.nparam_sites; s++) {
		unsigned char m = o.exit_mask[s];
		fn->frees[s] = (m & S_FREED) && !(m & (S_LIVE | S_ESCAPED | S_LEAKED));
	}
	for (int s = o.nparam_sites; s < o.nsites; s++) {
		struct location *site = o.site[s];
		site->freed_all = !site->leaked && site->free_text != NULL;
	}
	fn->returns_fresh = fn->returns_ptr && o.fresh_ok && o.fresh_any;
	fn->own_done = 1;

	free(work);
	free(queued);
	free(st);
	free(entry);
	free(o.in);
	free(o.reached);
	free(o.exit_mask);
	pv_free(&sites);
}

/* Where does the path from block b go when key is NULL at its test?
 * Follows straight-line blocks; returns the block whose test it is, or
 * -1. */
static int
ends_in_noreturn(struct func *fn, int b, int depth)
{
	for (; depth < 64; depth++) {
		struct bblock *bb = &fn->blocks[b];
		for (int i = 0; i < bb->nops; i++)
			if (bb->ops[i].kind == OP_RETURN)
				return 0;
		if (bb->nsucc == 0)
			return 1;	/* exit(), abort(): the path ends here */
		if (bb->nsucc != 1)
			return 0;
		b = bb->succ[0];
	}
	return 0;
}

/* p = realloc(p, n) loses the old block only if the path where realloc
 * failed goes on: xrealloc-style wrappers that abort on NULL are fine. */
static void
check_realloc_self(struct func *fn)
{
	for (int b = 0; b < fn->nblocks; b++) {
		struct bblock *bb = &fn->blocks[b];
		for (int i = 0; i < bb->nops; i++) {
			struct op *o = &bb->ops[i];
			if (o->kind != OP_CALL || !o->call->alloc_site || !o->call->alloc_site->realloc_self)
				continue;
			int key = o->call->arg_key[0], cur = b, hops = 0;
			while (hops++ < 64) {
				struct bblock *x = &fn->blocks[cur];
				if (x->test_key == key && x->null_succ >= 0) {
					if (ends_in_noreturn(fn, x->succ[x->null_succ], 0))
						o->call->alloc_site->realloc_self = 0;
					break;
				}
				if (x->nsucc != 1)
					break;
				cur = x->succ[0];
			}
		}
	}
}

void
own_batch(struct tu *tu, struct func **fns, int n)
{
	for (int i = 0; i < n; i++) {
		check_realloc_self(fns[i]);
		own_func(tu, fns[i]);
	}
}
