/*
 * calls.c: wires the calls of a function into its graph, once what each
 * callee does is known (Go's escape/call.go, for C). Four cases:
 *
 *   - the callee is in the same batch (mutual recursion): the argument
 *     flows into the callee's parameter, the callee's result into the
 *     call's value, so one solve covers the whole cycle;
 *   - the callee is defined in this file and already solved: its
 *     parameter summary says where each argument goes ({heap}, {unknown},
 *     the result) and after how many dereferences;
 *   - the callee is in the C library model: the table says it (strchr
 *     returns a pointer into its argument, pthread_create hands its last
 *     argument to a thread, memcpy copies *src into *dst);
 *   - otherwise (a function pointer, a body-less function with no model)
 *     every pointer argument leaks to {unknown}, unless the declaration
 *     marks the parameter __attribute__((noescape)).
 */
#include <stdlib.h>
#include <string.h>

#include "ec.h"

static struct note *
call_note(struct tu *tu, struct call *c, enum reason why)
{
	return graph_note(tu, NULL, c->pos, c->text, why);
}

static int
pos_before(struct pos a, struct pos b)
{
	return a.line < b.line || (a.line == b.line && a.col < b.col);
}

static int
is_join_of(const struct op *o, int thread)
{
	const struct call *j = o->kind == OP_CALL ? o->call : NULL;
	return j && j->callee_name && j->nargs > 0 && thread >= 0 && j->arg_key[0] == thread &&
	       (!strcmp(j->callee_name, "pthread_join") || !strcmp(j->callee_name, "thrd_join"));
}

/* Is the thread started by call c joined before every return that can
 * follow it? Walks the CFG from the call: a path that reaches a join of
 * the same thread (pthread_create(&t, ...) ... pthread_join(t, ...)) is
 * safe; a return reached without one is safe only if a join of it stands
 * between the two in the source (threads started in one loop and joined
 * in the next); the branch where creation failed (a non-zero status) is
 * skipped. Then the argument handed to the thread is not proven to
 * outlive the frame. */
static int
thread_joined(struct func *fn, struct call *c)
{
	int thread = c->nargs > 0 && c->arg_addr_of[0] ? c->arg_key[0] : -1;
	if (thread < 0 || !fn->nblocks)
		return 0;
	int b0 = -1, i0 = -1;
	for (int b = 0; b < fn->nblocks && b0 < 0; b++)
		for (int i = 0; i < fn->blocks[b].nops; i++)
			if (fn->blocks[b].ops[i].kind == OP_CALL && fn->blocks[b].ops[i].call == c) {
				b0 = b;
				i0 = i;
				break;
			}
	if (b0 < 0)
		return 0;
	struct ptrvec joins = {0};
	for (int b = 0; b < fn->nblocks; b++)
		for (int i = 0; i < fn->blocks[b].nops; i++)
			if (is_join_of(&fn->blocks[b].ops[i], thread))
				pv_push(&joins, &fn->blocks[b].ops[i]);
	char *seen = xcalloc((size_t)fn->nblocks, 1);
	int *stack = xmalloc(sizeof *stack * (size_t)(fn->nblocks + 1));
	int sp = 0, ok = joins.n > 0;
	int b = b0, start = i0 + 1;
	for (;;) {
		struct bblock *bb = &fn->blocks[b];
		int stop = 0;
		for (int i = start; i < bb->nops && !stop && ok; i++) {
			struct op *o = &bb->ops[i];
			if (is_join_of(o, thread))
				stop = 1;
			else if (o->kind == OP_RETURN) {
				int covered = 0;
				for (int j = 0; j < joins.n; j++) {
					struct op *jo = joins.v[j];
					covered |= pos_before(c->pos, jo->pos) && pos_before(jo->pos, o->pos);
				}
				ok = covered;
				stop = 1;
			}
		}
		for (int k = 0; !stop && ok && k < bb->nsucc; k++) {
			if (bb->test_key == c->dst_key && k != bb->null_succ)
				continue;	/* creation failed: no thread */
			int to = bb->succ[k];
			if (!seen[to]) {
				seen[to] = 1;
				stack[sp++] = to;
			}
		}
		if (!ok || !sp)
			break;
		b = stack[--sp];
		start = 0;
	}
	free(seen);
	free(stack);
	pv_free(&joins);
	return ok;
}

/* A store through argument dst of argument src (after derefs loads):
 * the callee writes src into what dst points to. Resolved by
 * solve_stores like any other store: a local struct keeps it, a
 * parameter's memory or a global's takes it further. */
static void
store_into_arg(struct tu *tu, struct func *fn, struct call *c, int src, int dst, int derefs,
	       enum reason why)
{
	if (src >= c->nargs || dst >= c->nargs)
		return;
	struct store *st = arena_alloc(&tu->arena, sizeof *st);
	st->block = -1;
	st->key = NULL;		/* never undone */
	st->pos = c->pos;
	st->text = c->text;
	st->seq = c->seq;
	st->region = c->region;
	st->base = c->args[dst];
	st->mem = graph_loc(tu, fn, LOC_STORE,
		arena_printf(&tu->arena, "*%s", c->args[dst]->name), c->pos);
	st->mem->is_ptr = 1;
	st->mem->region = c->region;
	graph_flow(tu, st->mem, derefs, c->args[src], call_note(tu, c, why), c->seq);
	pv_push(&fn->stores, st);
}

static void
wire_model(struct tu *tu, struct func *fn, struct call *c, struct model *m)
{
	for (int i = 0; i < c->nargs && i < 64; i++) {
		struct location *a = c->args[i];
		if ((m->returns >> i & 1) && c->result)
			graph_flow(tu, c->result, 0, a, call_note(tu, c, R_MODEL), c->seq);
		if (m->escapes >> i & 1)
			graph_flow(tu, fn->heap, 0, a, call_note(tu, c, R_MODEL), c->seq);
		if (m->thread >> i & 1)	/* joined before return: not proven */
			graph_flow(tu, thread_joined(fn, c) ? fn->unknown : fn->heap, 0, a,
				   call_note(tu, c, R_THREAD_ARG), c->seq);
	}
	for (int i = 0; i < m->ncopies; i++)	/* *dst = *src; bytes copy no pointer */
		if (m->copies[i][0] < c->nargs && c->arg_deep[m->copies[i][0]])
			store_into_arg(tu, fn, c, m->copies[i][0], m->copies[i][1], 1, R_MODEL);
	for (int i = 0; i < m->nstores; i++)	/* *dst = src (strtol's endptr) */
		store_into_arg(tu, fn, c, m->stores[i][0], m->stores[i][1], 0, R_MODEL);
}

/* The note for an argument that a helper hands to a function we cannot
 * see: it names both the helper's call and the unknown function, so a
 * report can say which function is unknown. */
static struct note *
unknown_note(struct tu *tu, struct call *c, struct path *why)
{
	struct note *inner = NULL;
	for (int i = why ? why->n - 1 : -1; i >= 0 && !inner; i--)
		for (struct note *n = why->edge[i] ? why->edge[i]->notes : NULL; n && !inner; n = n->next)
			if (n->why == R_UNKNOWN_CALLEE)
				inner = graph_note(tu, NULL, n->pos, n->where, R_UNKNOWN_CALLEE);
	return graph_note(tu, inner, c->pos, c->text, R_LEAKING_PARAM);
}

static void
wire_summary(struct tu *tu, struct func *fn, struct call *c, struct func *g)
{
	for (int i = 0; i < c->nargs; i++) {
		struct location *a = c->args[i];
		if (i >= g->nparams && !g->varargs) {
			if (c->arg_is_ptr[i])
				graph_flow(tu, fn->unknown, 0, a, call_note(tu, c, R_UNKNOWN_CALLEE), c->seq);
			continue;
		}
		/* a variadic extra goes where the callee's va_arg values go */
		struct location *p = i < g->nparams ? g->params[i] : g->varargs;
		if (p->leak_heap < LEAK_NONE)
			graph_flow(tu, fn->heap, p->leak_heap > 0 ? p->leak_heap : 0, a,
				   call_note(tu, c, R_LEAKING_PARAM), c->seq);
		if (p->leak_unknown < LEAK_NONE && p->leak_unknown < p->leak_heap)
			graph_flow(tu, fn->unknown, p->leak_unknown, a,
				   unknown_note(tu, c, p->why_unknown), c->seq);
		if (p->leak_result < LEAK_NONE && c->result)
			graph_flow(tu, c->result, p->leak_result, a,
				   call_note(tu, c, R_LEAKING_PARAM), c->seq);
		for (int j = 0; p->leak_to && p != g->varargs && j < g->nparams; j++)
			if (p->leak_to[j] < LEAK_NONE)
				store_into_arg(tu, fn, c, i, j, p->leak_to[j], R_LEAKING_PARAM);
	}
}

static void
wire_batch(struct tu *tu, struct func *fn, struct call *c, struct func *g)
{
	for (int i = 0; i < c->nargs; i++) {
		if (i < g->nparams)
			graph_flow(tu, g->params[i], 0, c->args[i], call_note(tu, c, R_CALL_PARAM), c->seq);
		else if (g->varargs)
			graph_flow(tu, g->varargs, 0, c->args[i], call_note(tu, c, R_CALL_PARAM), c->seq);
		else if (c->arg_is_ptr[i])
			graph_flow(tu, fn->unknown, 0, c->args[i], call_note(tu, c, R_UNKNOWN_CALLEE), c->seq);
	}
	if (c->result && g->returns_ptr)
		graph_flow(tu, c->result, 0, g->result, call_note(tu, c, R_CALL_RESULT), c->seq);
}

/* A function defined in another file of this run. */
static void
wire_extern(struct tu *tu, struct func *fn, struct call *c)
{
	for (int i = 0; i < c->nargs; i++) {
		struct location *a = c->args[i];
		int heap, unknown, result, to;
		for (int j = 0; summary_lookup_to(c->callee_usr, i, j, &to); j++)
			if (to < LEAK_NONE)
				store_into_arg(tu, fn, c, i, j, to, R_LEAKING_PARAM);
		if (!summary_lookup(c->callee_usr, i, &heap, &unknown, &result)) {
			if (c->arg_is_ptr[i])
				graph_flow(tu, fn->unknown, 0, a, call_note(tu, c, R_UNKNOWN_CALLEE), c->seq);
			continue;
		}
		if (heap < LEAK_NONE)
			graph_flow(tu, fn->heap, heap, a, call_note(tu, c, R_LEAKING_PARAM), c->seq);
		if (unknown < LEAK_NONE && unknown < heap)
			graph_flow(tu, fn->unknown, unknown, a, call_note(tu, c, R_LEAKING_PARAM), c->seq);
		if (result < LEAK_NONE && c->result)
			graph_flow(tu, c->result, result, a, call_note(tu, c, R_LEAKING_PARAM), c->seq);
	}
}

static void
wire_unknown(struct tu *tu, struct func *fn, struct call *c)
{
	for (int i = 0; i < c->nargs; i++)
		if (c->arg_is_ptr[i] && !c->arg_noescape[i])
			graph_flow(tu, fn->unknown, 0, c->args[i], call_note(tu, c, R_UNKNOWN_CALLEE), c->seq);
}

/* A wrapper whose every return is a fresh allocation (xmalloc, xstrdup):
 * the call is an allocation site of its own in the caller. */
static void
wire_fresh(struct tu *tu, struct func *fn, struct call *c)
{
	if (c->alloc_site || !c->result)
		return;
	struct location *site = graph_loc(tu, fn, LOC_ALLOC,
		arena_printf(&tu->arena, "{storage for %s}", c->text), c->pos);
	site->site_text = c->text;
	site->sym = c->recv ? c->recv->name : "";
	if (c->recv) {
		site->elem_type = c->recv->elem_type;
		site->elem_size = c->recv->elem_size;
	}
	/* the size: that of the callee's one allocation if it has a single
	 * constant-size one (xmalloc-style wrappers take it from an argument,
	 * which says nothing sure) */
	site->size_known = 0;
	struct func *g = c->callee;
	struct location *only = NULL;
	int nalloc = 0;
	for (int i = 0; g && i < g->locs.n; i++) {
		struct location *l = g->locs.v[i];
		if (l->kind == LOC_ALLOC) {
			nalloc++;
			only = l;
		}
	}
	if (nalloc == 1 && only->size_known) {
		site->size_known = 1;
		site->size_const = only->size_const;
		site->size = only->size;
		/* xmalloc(n) { return malloc(n); }: the caller's argument */
		struct def *d = only->size_def;
		if (!only->size_const && d && !d->next && d->nvars == 1 &&
		    d->vars[0]->kind == LOC_PARAM && !strcmp(d->text, d->vars[0]->name)) {
			int i = d->vars[0]->param_index;
			if (i >= 0 && i < c->nargs && c->arg_is_const[i]) {
				site->size_const = 1;
				site->size = c->arg_const[i];
			}
		}
	}
	graph_flow(tu, c->result, -1, site, call_note(tu, c, R_SPILL), c->seq);
	c->alloc_site = site;
}

void
calls_wire(struct tu *tu, struct func *fn, int batch)
{
	for (int i = 0; i < fn->calls.n; i++) {
		struct call *c = fn->calls.v[i];
		if ((c->callee && c->callee->scc != batch && c->callee->returns_fresh) ||
		    (!c->callee && summary_fresh(c->callee_usr)))
			wire_fresh(tu, fn, c);
		if (c->callee && c->callee->scc == batch)
			wire_batch(tu, fn, c, c->callee);
		else if (c->callee && c->callee->summarized)
			wire_summary(tu, fn, c, c->callee);
		else if (summary_known(c->callee_usr))
			wire_extern(tu, fn, c);
		else if (c->model)
			wire_model(tu, fn, c, c->model);
		else
			wire_unknown(tu, fn, c);
	}
}
