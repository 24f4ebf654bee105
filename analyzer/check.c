/*
 * check.c: turns the solved graph into findings, each with its trace.
 *
 *   stack-escape   an automatic object whose address reaches memory that
 *                  outlives the frame ({heap}, the result), or an outer
 *                  block's pointer that is read after the object's block
 *                  has ended (a later loop iteration counts);
 *   stack-unknown  the address only reaches a function we cannot see;
 *   vla, alloca    a stack size known only at run time, with where the
 *                  size comes from;
 *   heap-escape / heap-noescape   an allocation's pointer leaves or not;
 *   param-leak / param-noescape   the summary of each pointer parameter,
 *                  worded as Go words it.
 *
 * Only functions of the main file are reported; functions from headers
 * are analysed for their summaries only.
 */
#include <stdlib.h>
#include <string.h>

#include "ec.h"

static const char *
qual(struct func *fn, struct location *l)
{
	static char buf[8][512];
	static int k;
	if (l->fn && l->fn != fn &&
	    (l->kind == LOC_VAR || l->kind == LOC_PARAM || l->kind == LOC_RESULT)) {
		k = (k + 1) % 8;
		snprintf(buf[k], sizeof buf[k], "%s.%s", l->fn->name, l->name);
		return buf[k];
	}
	return l->name;
}

static const char *
ops(int derefs)
{
	static const char stars[] = "**********";
	if (derefs < 0)
		return "&";
	if (derefs > 10)
		derefs = 10;
	return stars + 10 - derefs;
}

/* Traces are for -m -m and JSON; a long chain is cut (a finding with
 * hundreds of steps explains nothing). */
#define MAX_TRACE_STEPS 48

static void
add_path(struct diag *d, struct func *fn, struct path *p, int depth)
{
	if (!p || !d || !check_want_traces() || d->nsteps >= MAX_TRACE_STEPS)
		return;
	for (int i = 0; i < p->n; i++) {
		struct location *src = p->from[i];
		struct location *dst = i + 1 < p->n ? p->from[i + 1] : p->root;
		struct edge *e = p->edge[i];
		if (!e)
			break;
		struct pos at = e->notes ? e->notes->pos : src->pos;
		if (d->nsteps >= MAX_TRACE_STEPS)
			return;
		diag_step(d, STEP_FLOW, at, "flow: %s = %s%s", qual(fn, dst), ops(e->derefs), qual(fn, src));
		for (struct note *n = e->notes; n; n = n->next)
			diag_step(d, STEP_FROM, n->pos, "from %s (%s)", n->where, reason_text[n->why]);
	}
	struct location *r = p->root;
	if (depth < 8 && r->why_escapes && r->kind != LOC_HEAP && r->kind != LOC_UNKNOWN)
		add_path(d, fn, r->why_escapes, depth + 1);
}

static const char *
obj_name(struct location *l)
{
	if (l->kind == LOC_ALLOCA || l->kind == LOC_ALLOC)
		return l->site_text;
	return l->name;
}

static struct pos
name_pos(struct location *l)
{
	struct pos p = l->pos;
	if (l->kind == LOC_VAR || l->kind == LOC_PARAM) {
		p.eline = p.line;
		p.ecol = p.col + (int)strlen(l->name);
	}
	return p;
}

static const char *
symbol(struct location *l)
{
	return l->sym ? l->sym : l->name;
}

int check_traces = -1;

/* Traces cost time and memory: build them for -m -m and for JSON and
 * SARIF, which carry them at any level (and for whoever sets
 * check_traces to 1: the LSP server). */
int
check_want_traces(void)
{
	if (check_traces >= 0)
		return check_traces;
	return opt.level >= 2 || opt.format == FMT_JSON || opt.format == FMT_SARIF || opt.dump;
}

/* ---- size traces (VLA, alloca) ---- */

static void
add_defs(struct diag *d, struct location *v)
{
	/* defs are kept newest first; show them in source order, at most 3 */
	struct def *list[3];
	int n = 0;
	for (struct def *x = v->defs; x && n < 3; x = x->next)
		list[n++] = x;
	for (int i = n - 1; i >= 0; i--) {
		enum reason why = list[i]->why;
		if (v->is_const && why == R_COMPUTATION && list[i]->nvars == 0)
			why = R_CONST_VAR;
		diag_step(d, STEP_FROM, list[i]->pos, "from %s (%s)", list[i]->text, reason_text[why]);
	}
}

static void
add_size_trace(struct diag *d, struct location *site)
{
	struct def *sd = site->size_def;
	const char *what = site->kind == LOC_VAR ? site->name : site->site_text;
	struct ptrvec seen = {0}, queue = {0}, from = {0};
	for (struct def *x = sd; x; x = x->next) {
		if (!x->nvars) {
			diag_step(d, STEP_FLOW, x->pos, "flow: {size of %s} = %s", what, x->text);
			diag_step(d, STEP_FROM, x->pos, "from %s (%s)", x->text,
				  reason_text[x->why == R_READ ? R_READ : R_NONCONST_SIZE]);
		}
		for (int i = 0; i < x->nvars; i++) {
			pv_push(&queue, x->vars[i]);
			pv_push(&from, NULL);
		}
	}
	int first = 1;
	for (int q = 0; q < queue.n && q < 64; q++) {
		struct location *v = queue.v[q];
		struct location *c = from.v[q];
		int dup = 0;
		for (int i = 0; i < seen.n; i++)
			dup |= seen.v[i] == v;
		if (dup)
			continue;
		pv_push(&seen, v);
		if (c)
			diag_step(d, STEP_FLOW, v->pos, "flow: %s = %s", c->name, v->name);
		else
			diag_step(d, STEP_FLOW, sd->pos, "flow: {size of %s} = %s", what, v->name);
		if (!c && first) {
			diag_step(d, STEP_FROM, sd->pos, "from %s (%s)", sd->text, reason_text[R_NONCONST_SIZE]);
			first = 0;
		}
		add_defs(d, v);
		for (struct def *x = v->defs; x; x = x->next)
			for (int i = 0; i < x->nvars; i++) {
				pv_push(&queue, x->vars[i]);
				pv_push(&from, v);
			}
	}
	pv_free(&seen);
	pv_free(&queue);
	pv_free(&from);
}

/* ---- block scope ---- */

struct seqrange {
	int lo, hi, kill_region;
};

/* Is root read after obj's block has ended, before being overwritten?
 * Returns the reading event, or NULL. */
static struct event *
used_after_block(struct func *fn, struct location *root, struct location *obj, int stored)
{
	struct region *b = &fn->regions[obj->region];
	int loop = -1;
	for (int r = obj->region; r >= 0; r = fn->regions[r].parent) {
		if (region_is_ancestor(fn, r, root->region))
			break;
		if (fn->regions[r].kind == REG_LOOP) {
			loop = r;
			break;
		}
	}
	struct seqrange range[4];
	int nr = 0;
	/* reset inside the block, after the store, on every path to its end */
	int sr = stored >= 0 ? graph_region_at(fn, stored) : obj->region;
	for (int i = 0; i < fn->nevents; i++) {
		struct event *e = &fn->events[i];
		if (e->var == root && e->kind == EV_WRITE && !e->weak && e->start > stored &&
		    e->seq < b->end_seq && region_is_ancestor(fn, e->region, sr) &&
		    region_is_ancestor(fn, obj->region, e->region))
			return NULL;
	}
	if (loop >= 0) {
		struct region *L = &fn->regions[loop];
		range[nr++] = (struct seqrange){b->end_seq, L->end_seq, b->parent};
		range[nr++] = (struct seqrange){L->start_seq, b->start_seq, loop};
		/* the next iteration, in the block before the address is stored */
		range[nr++] = (struct seqrange){b->start_seq, stored, obj->region};
		range[nr++] = (struct seqrange){L->end_seq, fn->nseq, L->parent};
	} else {
		range[nr++] = (struct seqrange){b->end_seq, fn->nseq, b->parent};
	}
	for (int k = 0; k < nr; k++)
		for (int i = 0; i < fn->nevents; i++) {
			struct event *e = &fn->events[i];
			if (e->seq <= range[k].lo || e->seq >= range[k].hi || e->var != root)
				continue;
			if (e->kind == EV_READ)
				return e;
			if (e->kind == EV_WRITE && !e->weak && !(e->start <= b->start_seq && e->seq > b->end_seq) &&
			    region_is_ancestor(fn, e->region, range[k].kill_region))
				return NULL;
		}
	return NULL;
}

static int
in_loop_body(struct func *fn, struct location *obj)
{
	return fn->regions[obj->region].loop_body;
}

/* ---- flow sensitivity on the escape path ---- */

/* The graph is flow-insensitive, so a path may pass through a variable
 * that is overwritten between the flow in and the flow out:
 *     p = &x; ... p = strdup(s); return p;
 * Such a path is not real: the escape it explains does not happen. */
static int
path_killed(struct func *fn, struct path *p)
{
	for (int i = 1; p && i < p->n; i++) {
		struct location *v = p->from[i];
		if (v->kind != LOC_VAR || v->fn != fn || !p->edge[i - 1] || !p->edge[i])
			continue;
		int a = p->edge[i - 1]->seq, b = p->edge[i]->seq;
		if (a >= b)
			continue;	/* around a loop: cannot tell */
		int rb = graph_region_at(fn, b);
		for (int k = 0; k < fn->nevents; k++) {
			struct event *e = &fn->events[k];
			if (e->var == v && e->kind == EV_WRITE && !e->weak && e->start > a && e->seq < b &&
			    region_is_ancestor(fn, e->region, rb))
				return 1;
		}
	}
	return 0;
}

/* ---- heap allocations: leak, escape, or could be an array ---- */

/* Allocations of at most this many bytes that never escape and are freed
 * on every path could be automatic arrays (LLVM's heap-to-stack uses the
 * same bound). */
#define HEAP_TO_STACK_MAX 128

static const char *
holder_name(struct location *l)
{
	return l->sym && l->sym[0] ? l->sym : "{temp}";
}

static void
check_alloc(struct func *fn, struct location *l)
{
	struct diag *d;
	const char *sym = symbol(l);
	if (l->realloc_self) {
		d = diag_add(DIAG_HEAP_LEAK, l->pos, fn->name, fn->index, sym,
			     "%s leaks the old block if it fails (assign the result to a temporary first)",
			     l->site_text);
		if (d) {
			diag_step(d, STEP_FLOW, l->pos, "flow: {lost} = %s", holder_name(l));
			diag_step(d, STEP_FROM, l->pos, "from %s (%s)", l->site_text, reason_text[R_REALLOC_FAIL]);
		}
		return;
	}
	if (l->leaked) {
		static const char *const how[] = {
			"not freed at the return at line %d",
			"overwritten at line %d",
			"result discarded at line %d",
			"goes out of scope at line %d",
		};
		static const enum reason why[] = {R_LOST_RETURN, R_OVERWRITTEN, R_DISCARDED, R_OUT_OF_SCOPE};
		int k = l->leak_kind >= 0 && l->leak_kind < 4 ? l->leak_kind : 0;
		char what[128];
		snprintf(what, sizeof what, how[k], l->leak_pos.line);
		d = diag_add(DIAG_HEAP_LEAK, l->pos, fn->name, fn->index, sym, "%s leaks (%s)",
			     l->site_text, what);
		if (d) {
			const char *h = l->leak_holder ? l->leak_holder : holder_name(l);
			if (h[0] == '#')
				h = "{temp}";
			diag_step(d, STEP_FLOW, l->pos, "flow: %s = &%s", h, l->name);
			diag_step(d, STEP_FROM, l->pos, "from %s (spill)", l->site_text);
			diag_step(d, STEP_FLOW, l->leak_pos, "flow: {lost} = %s", h);
			diag_step(d, STEP_FROM, l->leak_pos, "from %s (%s)", l->leak_text, reason_text[why[k]]);
		}
		return;
	}
	if (l->level > ESC_NONE && !path_killed(fn, l->why_escapes)) {
		d = diag_add(DIAG_HEAP_ESCAPE, l->pos, fn->name, fn->index, sym, "%s escapes", l->site_text);
		add_path(d, fn, l->why_escapes, 0);
		return;
	}
	char why[256] = "";
	if (l->freed_all && l->size_known) {
		if (!l->size_const)
			snprintf(why, sizeof why, " (non-constant size)");
		else if (l->size > 0 && l->size <= HEAP_TO_STACK_MAX && !l->outlives_iteration &&
			 !l->reallocated) {
			const char *et = l->elem_type ? l->elem_type : "unsigned char";
			long long es = l->elem_type && l->elem_size > 0 ? l->elem_size : 1;
			if (l->size % es)
				et = "unsigned char", es = 1;
			snprintf(why, sizeof why, " (constant size: could be an automatic array %s %s[%lld])",
				 et, l->sym && l->sym[0] ? l->sym : "buf", l->size / es);
		}
	}
	d = diag_add(DIAG_HEAP_NOESCAPE, l->pos, fn->name, fn->index, sym, "%s does not escape%s",
		     l->site_text, why);
	if (d && l->free_text) {
		diag_step(d, STEP_FLOW, l->free_pos, "flow: {freed} = %s", holder_name(l));
		diag_step(d, STEP_FROM, l->free_pos, "from %s (%s)", l->free_text, reason_text[R_FREED]);
	} else if (d && check_want_traces()) {
		/* never freed here, never escaping: where it is made says it all */
		diag_step(d, STEP_FLOW, l->pos, "flow: %s = &%s", holder_name(l), l->name);
		diag_step(d, STEP_FROM, l->pos, "from %s (spill)", l->site_text);
	}
}

/* ---- per function ---- */

static int
is_stack_obj(const struct location *l)
{
	return l->kind == LOC_VAR || l->kind == LOC_PARAM || l->kind == LOC_COMPLIT ||
	       l->kind == LOC_ALLOCA;
}

static const char *
unknown_callee(struct path *p, char *buf, size_t n)
{
	/* the function itself if a note names it, else the helper's call */
	for (int pass = 0; pass < 2; pass++)
		for (int i = p ? p->n - 1 : -1; i >= 0; i--) {
			struct edge *e = p->edge[i];
			for (struct note *x = e ? e->notes : NULL; x; x = x->next)
				if (x->why == R_UNKNOWN_CALLEE || (pass && x->why == R_LEAKING_PARAM)) {
					size_t k = strcspn(x->where, "(");
					snprintf(buf, n, "%.*s", (int)k, x->where);
					return buf;
				}
		}
	return "?";
}

static void
check_params(struct func *fn)
{
	for (int i = 0; i < fn->nparams; i++) {
		struct location *p = fn->params[i];
		if (!p->is_ptr)
			continue;
		struct pos pos = name_pos(p);
		/* Go's vocabulary has no "into another parameter's memory": the
		 * message says leaking, the summary keeps the precise target */
		int heap = p->leak_heap < p->leak_unknown ? p->leak_heap : p->leak_unknown;
		struct path *hw = p->leak_heap <= p->leak_unknown ? p->why_heap : p->why_unknown;
		for (int j = 0; p->leak_to && j < fn->nparams; j++)
			if (p->leak_to[j] < heap) {
				heap = p->leak_to[j];
				hw = p->why_to[j];
			}
		struct diag *d;
		if (heap == 0) {
			d = diag_add(DIAG_PARAM_LEAK, pos, fn->name, fn->index, p->name,
				     "leaking param: %s", p->name);
			add_path(d, fn, hw, 0);
			continue;
		}
		int any = 0;
		if (heap < LEAK_NONE) {
			d = diag_add(DIAG_PARAM_LEAK, pos, fn->name, fn->index, p->name,
				     "leaking param content: %s", p->name);
			add_path(d, fn, hw, 0);
			any = 1;
		}
		if (p->leak_result < LEAK_NONE && p->leak_result < heap) {
			d = diag_add(DIAG_PARAM_LEAK, pos, fn->name, fn->index, p->name,
				     "leaking param: %s to result ~r0 level=%d", p->name, p->leak_result);
			add_path(d, fn, p->why_result, 0);
			any = 1;
		}
		if (!any)
			diag_add(DIAG_PARAM_NOESCAPE, pos, fn->name, fn->index, p->name,
				 "%s does not escape", p->name);
	}
}

static void
check_func(struct func *fn)
{
	check_params(fn);

	for (int i = 0; i < fn->vlas.n; i++) {
		struct location *v = fn->vlas.v[i];
		struct diag *d;
		if (v->kind == LOC_VAR)
			d = diag_add(DIAG_VLA, name_pos(v), fn->name, fn->index, v->name,
				     "variable-length array %s (non-constant size)", v->name);
		else
			d = diag_add(DIAG_ALLOCA, v->pos, fn->name, fn->index, v->sym ? v->sym : "",
				     "%s (non-constant size)", v->site_text);
		add_size_trace(d, v);
	}

	for (int i = 0; i < fn->locs.n; i++) {
		struct location *l = fn->locs.v[i];
		char buf[256];
		struct diag *d;
		if (is_stack_obj(l) && l->level == ESC_PROVEN && !path_killed(fn, l->why_escapes)) {
			d = diag_add(DIAG_STACK_ESCAPE, name_pos(l), fn->name, fn->index, symbol(l),
				     "address of %s escapes its frame (dangling after return)", obj_name(l));
			add_path(d, fn, l->why_escapes, 0);
		} else if (is_stack_obj(l) && l->level == ESC_UNKNOWN) {
			d = diag_add(DIAG_STACK_UNKNOWN, name_pos(l), fn->name, fn->index, symbol(l),
				     "address of %s passed to unknown callee %s (not proven to dangle)",
				     obj_name(l), unknown_callee(l->why_escapes, buf, sizeof buf));
			add_path(d, fn, l->why_escapes, 0);
		} else if (l->kind == LOC_ALLOC) {
			check_alloc(fn, l);
		}
	}

	/* block scope: each object once, for the first root proven to use it */
	struct ptrvec done = {0};
	for (int i = 0; i < fn->block_escapes.n; i++) {
		struct block_escape *b = fn->block_escapes.v[i];
		int dup = 0;
		for (int j = 0; j < done.n; j++)
			dup |= done.v[j] == b->obj;
		if (dup || b->obj->level == ESC_PROVEN)
			continue;
		struct path *bp = b->path;
		int stored = bp && bp->n > 0 && bp->edge[bp->n - 1] ? bp->edge[bp->n - 1]->seq : -1;
		struct event *use = used_after_block(fn, b->root, b->obj, stored);
		if (!use)
			continue;
		pv_push(&done, b->obj);
		int loop = in_loop_body(fn, b->obj);
		struct diag *d = diag_add(DIAG_STACK_ESCAPE, name_pos(b->obj), fn->name, fn->index,
			symbol(b->obj),
			loop ? "address of %s escapes its loop iteration (dangling after the iteration ends)"
			     : "address of %s escapes its block (dangling after the block ends)",
			obj_name(b->obj));
		add_path(d, fn, b->path, 0);
		diag_step(d, STEP_FROM, use->pos, "from %s (%s)", b->root->name, reason_text[R_USED_AFTER]);
	}
	pv_free(&done);
}

void
check_tu(struct tu *tu)
{
	for (int i = 0; i < tu->funcs.n; i++) {
		struct func *fn = tu->funcs.v[i];
		if (fn->in_main_file)
			check_func(fn);
	}
}
