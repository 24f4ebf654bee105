/*
 * ut.c: the helpers of ut.h. See there.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ut.h"

/* ---- checks ---- */

static int npass, nfail;

void
ut_check(int ok, const char *name, const char *fmt, ...)
{
	if (ok) {
		printf("ok %s\n", name);
		npass++;
		return;
	}
	va_list ap;
	printf("FAIL %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	nfail++;
}

void
ut_check_int(const char *name, long long got, long long want)
{
	ut_check(got == want, name, "got %lld, want %lld", got, want);
}

void
ut_check_str(const char *name, const char *got, const char *want)
{
	int ok = got && want && !strcmp(got, want);
	ut_check(ok, name, "got \"%s\", want \"%s\"", got ? got : "(null)", want ? want : "(null)");
}

static int ntodo;

void
ut_todo(int ok, const char *name, const char *fmt, ...)
{
	if (ok) {
		printf("ok %s (a known gap no longer: make it a plain check)\n", name);
		npass++;
		return;
	}
	va_list ap;
	printf("todo %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	ntodo++;
}

int
ut_done(void)
{
	if (ntodo)
		printf("%d known gap(s) (todo), not counted\n", ntodo);
	printf("%d passed, %d failed\n", npass, nfail);
	fflush(stdout);
	return nfail ? 1 : 0;
}

static const char *watch_what = "";

static void
on_alarm(int sig)
{
	(void)sig;
	/* async-signal-safe output only */
	static const char a[] = "FAIL watchdog: timed out in ";
	if (write(1, a, sizeof a - 1) < 0 || write(1, watch_what, strlen(watch_what)) < 0 ||
	    write(1, "\n", 1) < 0)
		_exit(1);
	_exit(1);
}

void
ut_watchdog(unsigned secs, const char *what)
{
	fflush(stdout);
	watch_what = what;
	signal(SIGALRM, on_alarm);
	alarm(secs);
}

/* ---- graphs ---- */

#define MAXPARAMS 16

struct tu *
ut_tu(void)
{
	struct tu *tu = xcalloc(1, sizeof *tu);
	tu->main_file = "t.c";
	return tu;
}

void
ut_tu_free(struct tu *tu)
{
	for (int i = 0; i < tu->funcs.n; i++) {
		struct func *fn = tu->funcs.v[i];
		pv_free(&fn->locs);
		pv_free(&fn->calls);
		pv_free(&fn->stores);
		pv_free(&fn->gstores);
		pv_free(&fn->vlas);
		pv_free(&fn->block_escapes);
		free(fn->regions);
		free(fn->events);
		free(fn->seq_region);
	}
	pv_free(&tu->funcs);
	pv_free(&tu->order);
	free(tu->batch_start);
	arena_free(&tu->arena);
	free(tu);
	diag_free_all();
}

static struct pos
at(struct func *fn)
{
	/* one line per sequence number: distinct, stable positions */
	return (struct pos){"t.c", fn->nseq + 1, 5, fn->nseq + 1, 6};
}

int
ut_region(struct func *fn, enum region_kind k, int parent)
{
	if (fn->nregions == fn->capregions) {
		fn->capregions = fn->capregions ? fn->capregions * 2 : 16;
		fn->regions = xrealloc(fn->regions, sizeof *fn->regions * (size_t)fn->capregions);
	}
	struct region *r = &fn->regions[fn->nregions];
	memset(r, 0, sizeof *r);
	r->kind = k;
	r->parent = parent;
	r->start_seq = fn->nseq++;
	r->end_seq = -1;
	return fn->nregions++;
}

void
ut_region_end(struct func *fn, int r)
{
	fn->regions[r].end_seq = fn->nseq++;
}

struct func *
ut_func(struct tu *tu, const char *name, int returns_ptr)
{
	struct func *fn = arena_alloc(&tu->arena, sizeof *fn);
	fn->index = tu->funcs.n;
	fn->name = name;
	fn->usr = arena_printf(&tu->arena, "c:@F@%s", name);
	fn->defined = 1;
	fn->in_main_file = 1;
	fn->returns_ptr = returns_ptr != 0;
	pv_push(&tu->funcs, fn);

	ut_region(fn, REG_BLOCK, -1);	/* region 0: the frame */
	fn->pos = at(fn);
	fn->heap = graph_loc(tu, fn, LOC_HEAP, "{heap}", fn->pos);
	fn->unknown = graph_loc(tu, fn, LOC_UNKNOWN, "{unknown}", fn->pos);
	fn->result = graph_loc(tu, fn, LOC_RESULT, "~r0", fn->pos);
	fn->heap->level = ESC_PROVEN;
	fn->unknown->level = ESC_UNKNOWN;
	fn->result->is_ptr = fn->returns_ptr;
	fn->params = arena_alloc(&tu->arena, sizeof *fn->params * MAXPARAMS);
	return fn;
}

void
ut_func_end(struct func *fn)
{
	ut_region_end(fn, 0);
}

struct location *
ut_param(struct tu *tu, struct func *fn, const char *name, int is_ptr)
{
	if (fn->nparams == MAXPARAMS)
		bug("too many parameters");
	struct location *p = graph_loc(tu, fn, LOC_PARAM, name, at(fn));
	p->is_ptr = is_ptr != 0;
	p->param_index = fn->nparams;
	p->region = 0;
	struct def *d = arena_alloc(&tu->arena, sizeof *d);
	d->pos = p->pos;
	d->text = name;
	d->why = R_PARAMETER;
	p->defs = d;
	fn->params[fn->nparams++] = p;
	/* what a pointer parameter points to: the caller's memory; leak_to
	 * has room for every parameter the function can get */
	p->leak_to = arena_alloc(&tu->arena, sizeof *p->leak_to * MAXPARAMS);
	p->why_to = arena_alloc(&tu->arena, sizeof *p->why_to * MAXPARAMS);
	for (int j = 0; j < MAXPARAMS; j++)
		p->leak_to[j] = LEAK_NONE;
	if (p->is_ptr) {
		p->content = graph_loc(tu, fn, LOC_PCONTENT,
				       arena_printf(&tu->arena, "*%s", name), p->pos);
		p->content->level = ESC_PROVEN;
		p->content->param_index = p->param_index;
		p->content->is_ptr = 1;
	}
	return p;
}

struct location *
ut_loc(struct tu *tu, struct func *fn, enum loc_kind k, const char *name, int region)
{
	struct location *l = graph_loc(tu, fn, k, name, at(fn));
	l->region = region;
	l->is_ptr = 1;
	if (k == LOC_ALLOC || k == LOC_ALLOCA)
		l->site_text = name;
	return l;
}

struct location *
ut_var(struct tu *tu, struct func *fn, const char *name, int region)
{
	return ut_loc(tu, fn, LOC_VAR, name, region);
}

static const char *
ops(int derefs)
{
	return derefs < 0 ? "&" : derefs == 0 ? "" : derefs == 1 ? "*" : "**";
}

struct edge *
ut_flow(struct tu *tu, struct func *fn, struct location *dst, int derefs, struct location *src)
{
	const char *where = arena_printf(&tu->arena, "%s%s", ops(derefs), src->name);
	struct note *n = graph_note(tu, NULL, at(fn), where, derefs < 0 ? R_ADDRESS_OF : R_ASSIGN);
	return graph_flow(tu, dst, derefs, src, n, fn->nseq);
}

void
ut_return(struct tu *tu, struct func *fn, int derefs, struct location *src, int region)
{
	if (fn->returns_ptr && src) {
		const char *where = arena_printf(&tu->arena, "return %s%s", ops(derefs), src->name);
		struct note *n = graph_note(tu, NULL, at(fn), where, R_RETURN);
		if (derefs < 0)
			n = graph_note(tu, n, at(fn), arena_printf(&tu->arena, "&%s", src->name),
				       R_ADDRESS_OF);
		graph_flow(tu, fn->result, derefs, src, n, fn->nseq);
	}
	ut_jump(tu, fn, region);
}

void
ut_write(struct tu *tu, struct func *fn, struct location *var, int region)
{
	graph_event(tu, fn, EV_WRITE, var, NULL, at(fn), region);
}

void
ut_read(struct tu *tu, struct func *fn, struct location *var, int region)
{
	graph_event(tu, fn, EV_READ, var, NULL, at(fn), region);
}

void
ut_jump(struct tu *tu, struct func *fn, int region)
{
	graph_event(tu, fn, EV_JUMP, NULL, "return", at(fn), region);
}

struct store *
ut_store(struct tu *tu, struct func *fn, const char *key, struct location *base_src,
	 int base_derefs, int region)
{
	struct store *st = arena_alloc(&tu->arena, sizeof *st);
	st->key = key;
	st->pos = at(fn);
	st->text = key;
	st->region = region;
	st->mem = graph_loc(tu, fn, LOC_STORE, key, st->pos);
	st->mem->is_ptr = 1;
	st->mem->region = region;
	if (base_src) {
		st->base = graph_loc(tu, fn, LOC_TEMP, base_src->name, st->pos);
		st->base->is_ptr = 1;
		st->base->region = region;
		ut_flow(tu, fn, st->base, base_derefs, base_src);
	}
	pv_push(&fn->stores, st);
	return st;
}

void
ut_store_done(struct tu *tu, struct func *fn, struct store *st)
{
	st->seq = fn->nseq;
	graph_event(tu, fn, EV_STORE, NULL, st->key, st->pos, st->region);
}

struct call *
ut_call(struct tu *tu, struct func *fn, const char *name, struct func *callee, int nargs,
	int has_result, int region)
{
	struct call *c = arena_alloc(&tu->arena, sizeof *c);
	c->pos = at(fn);
	c->text = arena_printf(&tu->arena, "%s(...)", name);
	c->callee_name = name;
	c->callee = callee;
	c->nargs = nargs;
	c->region = region;
	size_t n = (size_t)(nargs ? nargs : 1);
	c->args = arena_alloc(&tu->arena, sizeof *c->args * n);
	c->arg_is_ptr = arena_alloc(&tu->arena, n);
	c->arg_noescape = arena_alloc(&tu->arena, n);
	c->arg_deep = arena_alloc(&tu->arena, n);
	if (has_result) {
		c->result = graph_loc(tu, fn, LOC_TEMP, c->text, c->pos);
		c->result->region = region;
		c->result->is_ptr = 1;
	}
	c->seq = fn->nseq;
	pv_push(&fn->calls, c);
	return c;
}

struct location *
ut_arg(struct tu *tu, struct func *fn, struct call *c, int i, int derefs, struct location *src)
{
	struct location *t = graph_loc(tu, fn, LOC_TEMP,
		arena_printf(&tu->arena, "{arg %d of %s}", i + 1, c->callee_name), c->pos);
	t->region = c->region;
	t->is_ptr = 1;
	c->args[i] = t;
	c->arg_is_ptr[i] = 1;
	struct note *n = graph_note(tu, NULL, c->pos, c->text, R_CALL_PARAM);
	if (derefs < 0)
		n = graph_note(tu, n, c->pos, arena_printf(&tu->arena, "&%s", src->name), R_ADDRESS_OF);
	graph_flow(tu, t, derefs, src, n, c->seq);
	return t;
}

void
ut_analyze(struct tu *tu)
{
	check_traces = 1;	/* the tests read traces at any -m level */
	callgraph_order(tu);
	for (int b = 0; b < tu->nbatches; b++) {
		struct func **fns = (struct func **)tu->order.v + tu->batch_start[b];
		int n = tu->batch_start[b + 1] - tu->batch_start[b];
		for (int i = 0; i < n; i++)
			calls_wire(tu, fns[i], b);
		solve_stores(tu, fns, n);
		solve_batch(tu, fns, n);
	}
	check_tu(tu);
	diag_sort();
}

/* ---- diagnostics ---- */

struct diag *
ut_diag(enum diag_code code, const char *message)
{
	for (int i = 0; i < diag_count(); i++) {
		struct diag *d = diag_get(i);
		if (d->code == code && !strcmp(d->message, message))
			return d;
	}
	return NULL;
}

int
ut_ndiag(enum diag_code code)
{
	int n = 0;
	for (int i = 0; i < diag_count(); i++)
		n += diag_get(i)->code == code;
	return n;
}

const char *
ut_diags(void)
{
	static char buf[4096];
	size_t len = 0;
	buf[0] = 0;
	for (int i = 0; i < diag_count() && len < sizeof buf; i++) {
		struct diag *d = diag_get(i);
		int k = snprintf(buf + len, sizeof buf - len, "%s[%s: %s]", i ? " " : "",
				 diag_table[d->code].code, d->message);
		if (k < 0)
			break;
		len += (size_t)k;
	}
	return diag_count() ? buf : "(no diagnostics)";
}

int
ut_has_step(struct diag *d, const char *text)
{
	for (int i = 0; d && i < d->nsteps; i++)
		if (!strcmp(d->steps[i].text, text))
			return 1;
	return 0;
}
