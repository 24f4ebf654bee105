/*
 * unit/calls: calls on hand-built graphs: unknown callees, summaries of
 * solved callees, and a batch of mutually recursive functions.
 */
#include "ut.h"

#define FRAME(x) "address of " x " escapes its frame (dangling after return)"

/* void f(void) { int x; ext(&x); }          0
 * void f(void) { int x; ext_noescape(&x); } 1  (__attribute__((noescape)))
 * void f(void) { int x; ext((long)&x); }     2  (argument not a pointer)
 * void f(void) { int x; ext(&x); g = &x; }   3  (proven beats unknown) */
static void
t_unknown_callee(int variant)
{
	static const char *const names[] = {"unknown-callee", "unknown-callee-noescape",
					    "unknown-callee-nonptr-arg", "unknown-callee-and-global"};
	const char *name = names[variant];
	char buf[128];
	struct tu *tu = ut_tu();
	struct func *f = ut_func(tu, "f", 0);
	struct location *x = ut_var(tu, f, "x", 0);
	struct call *c = ut_call(tu, f, "ext", NULL, 1, 0, 0);
	ut_arg(tu, f, c, 0, -1, x);
	if (variant == 1)
		c->arg_noescape[0] = 1;
	if (variant == 2)
		c->arg_is_ptr[0] = 0;
	if (variant == 3) {
		struct store *st = ut_store(tu, f, "g", NULL, 0, 0);
		ut_flow(tu, f, st->mem, -1, x);
		ut_store_done(tu, f, st);
	}
	ut_jump(tu, f, 0);
	ut_func_end(f);
	ut_analyze(tu);

	static const enum esc_level lv[] = {ESC_UNKNOWN, ESC_NONE, ESC_NONE, ESC_PROVEN};
	static const char *const lvname[] = {"none", "unknown", "proven"};
	snprintf(buf, sizeof buf, "%s: x level %s", name, lvname[lv[variant]]);
	ut_check_int(buf, x->level, lv[variant]);
	snprintf(buf, sizeof buf, "%s: diagnostics", name);
	if (variant == 0) {
		struct diag *d = ut_diag(DIAG_STACK_UNKNOWN,
			"address of x passed to unknown callee ext (not proven to dangle)");
		ut_check(d && diag_count() == 1, buf, "%s", ut_diags());
		ut_check(ut_has_step(d, "flow: {unknown} = {arg 1 of ext}") &&
			 ut_has_step(d, "from ext(...) (unknown callee)"),
			 "unknown-callee: trace", "%d steps", d ? d->nsteps : -1);
		ut_check_int("unknown-callee: not a bug", diag_bug_count(), 0);
	} else if (variant == 3) {
		ut_check(ut_diag(DIAG_STACK_ESCAPE, FRAME("x")) && diag_count() == 1, buf, "%s",
			 ut_diags());
	} else {
		ut_check(diag_count() == 0, buf, "%s", ut_diags());
	}
	ut_tu_free(tu);
}

/* void h(int *p) { ext(p); }   void k(int **p) { ext(*p); } */
static void
t_param_to_unknown(void)
{
	struct tu *tu = ut_tu();
	struct func *h = ut_func(tu, "h", 0);
	struct location *p = ut_param(tu, h, "p", 1);
	struct call *c = ut_call(tu, h, "ext", NULL, 1, 0, 0);
	ut_arg(tu, h, c, 0, 0, p);
	ut_func_end(h);
	struct func *k = ut_func(tu, "k", 0);
	struct location *q = ut_param(tu, k, "q", 1);
	c = ut_call(tu, k, "ext", NULL, 1, 0, 0);
	ut_arg(tu, k, c, 0, 1, q);
	ut_func_end(k);
	ut_analyze(tu);

	ut_check_int("param-unknown: leak_unknown 0", p->leak_unknown, 0);
	ut_check_int("param-unknown: leak_heap none", p->leak_heap, LEAK_NONE);
	ut_check_int("param-unknown: leak_result none", p->leak_result, LEAK_NONE);
	ut_check(ut_diag(DIAG_PARAM_LEAK, "leaking param: p") != NULL, "param-unknown: leaking param: p",
		 "%s", ut_diags());
	ut_check_int("param-unknown-content: leak_unknown 1", q->leak_unknown, 1);
	ut_check_int("param-unknown-content: leak_heap none", q->leak_heap, LEAK_NONE);
	ut_check(ut_diag(DIAG_PARAM_LEAK, "leaking param content: q") != NULL,
		 "param-unknown-content: leaking param content: q", "%s", ut_diags());
	ut_tu_free(tu);
}

/* Summaries of callees solved in an earlier batch:
 *   int *id(int *p) { return p; }       int *a(void) { int x; return id(&x); }
 *   void sink(int *s) { g = s; }         void b(void) { int y; sink(&y); }
 *   void keep(int **k) { g = *k; }       void c(void) { int z; int *q = &z; keep(&q); }
 *   void look(int *l) { }                void d(void) { int w; look(&w); } */
static void
t_summaries(void)
{
	struct tu *tu = ut_tu();
	struct func *id = ut_func(tu, "id", 1);
	struct location *p = ut_param(tu, id, "p", 1);
	ut_return(tu, id, 0, p, 0);
	ut_func_end(id);

	struct func *sink = ut_func(tu, "sink", 0);
	struct location *s = ut_param(tu, sink, "s", 1);
	struct store *st = ut_store(tu, sink, "g", NULL, 0, 0);
	ut_flow(tu, sink, st->mem, 0, s);
	ut_store_done(tu, sink, st);
	ut_func_end(sink);

	struct func *keep = ut_func(tu, "keep", 0);
	struct location *k = ut_param(tu, keep, "k", 1);
	st = ut_store(tu, keep, "g", NULL, 0, 0);
	ut_flow(tu, keep, st->mem, 1, k);
	ut_store_done(tu, keep, st);
	ut_func_end(keep);

	struct func *look = ut_func(tu, "look", 0);
	ut_param(tu, look, "l", 1);
	ut_func_end(look);

	struct func *a = ut_func(tu, "a", 1);
	struct location *x = ut_var(tu, a, "x", 0);
	struct call *c = ut_call(tu, a, "id", id, 1, 1, 0);
	ut_arg(tu, a, c, 0, -1, x);
	ut_return(tu, a, 0, c->result, 0);
	ut_func_end(a);

	struct func *b = ut_func(tu, "b", 0);
	struct location *y = ut_var(tu, b, "y", 0);
	c = ut_call(tu, b, "sink", sink, 1, 0, 0);
	ut_arg(tu, b, c, 0, -1, y);
	ut_func_end(b);

	struct func *cf = ut_func(tu, "c", 0);
	struct location *z = ut_var(tu, cf, "z", 0);
	struct location *q = ut_var(tu, cf, "q", 0);
	ut_flow(tu, cf, q, -1, z);
	ut_write(tu, cf, q, 0);
	c = ut_call(tu, cf, "keep", keep, 1, 0, 0);
	ut_arg(tu, cf, c, 0, -1, q);
	ut_func_end(cf);

	struct func *d = ut_func(tu, "d", 0);
	struct location *w = ut_var(tu, d, "w", 0);
	c = ut_call(tu, d, "look", look, 1, 0, 0);
	ut_arg(tu, d, c, 0, -1, w);
	ut_func_end(d);
	ut_analyze(tu);

	ut_check(id->scc < a->scc && sink->scc < b->scc && keep->scc < cf->scc && look->scc < d->scc,
		 "summary: callees solved first", "scc id %d a %d", id->scc, a->scc);
	ut_check_int("summary-result: x level proven", x->level, ESC_PROVEN);
	struct diag *dg = ut_diag(DIAG_STACK_ESCAPE, FRAME("x"));
	ut_check(dg != NULL, "summary-result: stack-escape", "%s", ut_diags());
	ut_check(ut_has_step(dg, "from id(...) (leaking param)"), "summary-result: trace names id",
		 "%d steps", dg ? dg->nsteps : -1);
	ut_check_int("summary-heap: y level proven", y->level, ESC_PROVEN);
	ut_check_int("summary-content: z level proven", z->level, ESC_PROVEN);
	ut_check_int("summary-content: q level none", q->level, ESC_NONE);
	ut_check_int("summary-none: w level none", w->level, ESC_NONE);
	ut_check(ut_diag(DIAG_PARAM_NOESCAPE, "l does not escape") != NULL,
		 "summary-none: l does not escape", "%s", ut_diags());
	ut_check_int("summary: three stack-escapes", ut_ndiag(DIAG_STACK_ESCAPE), 3);
	ut_tu_free(tu);
}

/* Mutual recursion: one batch, wired parameter to argument.
 *   void ra(int *p, int n) { rb(p, n); }
 *   void rb(int *q, int n) { if (n) ra(q, n - 1); g = q; }
 *   void top(void) { int x; ra(&x, 1); }
 *   int *ia(int *u) { return ib(u); }
 *   int *ib(int *v) { if (..) return ia(v); return v; } */
static void
t_batch(void)
{
	struct tu *tu = ut_tu();
	struct func *ra = ut_func(tu, "ra", 0);
	struct func *rb = ut_func(tu, "rb", 0);
	struct location *p = ut_param(tu, ra, "p", 1);
	ut_param(tu, ra, "n", 0);
	struct location *q = ut_param(tu, rb, "q", 1);
	ut_param(tu, rb, "n", 0);

	struct call *c = ut_call(tu, ra, "rb", rb, 2, 0, 0);
	ut_arg(tu, ra, c, 0, 0, p);
	ut_arg(tu, ra, c, 1, 0, ra->params[1]);
	c->arg_is_ptr[1] = 0;
	ut_func_end(ra);

	int r = ut_region(rb, REG_COND, 0);
	c = ut_call(tu, rb, "ra", ra, 2, 0, r);
	ut_arg(tu, rb, c, 0, 0, q);
	ut_arg(tu, rb, c, 1, 0, rb->params[1]);
	c->arg_is_ptr[1] = 0;
	ut_region_end(rb, r);
	struct store *st = ut_store(tu, rb, "g", NULL, 0, 0);
	ut_flow(tu, rb, st->mem, 0, q);
	ut_store_done(tu, rb, st);
	ut_func_end(rb);

	struct func *top = ut_func(tu, "top", 0);
	struct location *x = ut_var(tu, top, "x", 0);
	c = ut_call(tu, top, "ra", ra, 2, 0, 0);
	ut_arg(tu, top, c, 0, -1, x);
	ut_func_end(top);

	struct func *ia = ut_func(tu, "ia", 1);
	struct func *ib = ut_func(tu, "ib", 1);
	struct location *u = ut_param(tu, ia, "u", 1);
	struct location *v = ut_param(tu, ib, "v", 1);
	c = ut_call(tu, ia, "ib", ib, 1, 1, 0);
	ut_arg(tu, ia, c, 0, 0, u);
	ut_return(tu, ia, 0, c->result, 0);
	ut_func_end(ia);
	r = ut_region(ib, REG_COND, 0);
	c = ut_call(tu, ib, "ia", ia, 1, 1, r);
	ut_arg(tu, ib, c, 0, 0, v);
	ut_return(tu, ib, 0, c->result, r);
	ut_region_end(ib, r);
	ut_return(tu, ib, 0, v, 0);
	ut_func_end(ib);
	ut_analyze(tu);

	ut_check_int("batch: three batches", tu->nbatches, 3);
	ut_check(ra->scc == rb->scc && ia->scc == ib->scc && ra->scc != ia->scc,
		 "batch: ra+rb and ia+ib are batches", "scc ra %d rb %d ia %d ib %d", ra->scc,
		 rb->scc, ia->scc, ib->scc);
	ut_check(ra->scc < top->scc, "batch: top after ra", "scc ra %d top %d", ra->scc, top->scc);
	ut_check_int("batch: ra.p leak_heap 0", p->leak_heap, 0);
	ut_check_int("batch: rb.q leak_heap 0", q->leak_heap, 0);
	struct diag *d = ut_diag(DIAG_PARAM_LEAK, "leaking param: p");
	ut_check(d != NULL, "batch: leaking param: p", "%s", ut_diags());
	ut_check(ut_has_step(d, "flow: rb.q = {arg 1 of rb}"), "batch: p's trace goes through rb.q",
		 "%d steps", d ? d->nsteps : -1);
	ut_check(ut_diag(DIAG_PARAM_LEAK, "leaking param: q") != NULL, "batch: leaking param: q",
		 "%s", ut_diags());
	ut_check_int("batch: top's x level proven", x->level, ESC_PROVEN);
	ut_check_int("batch-result: ia.u leak_result 0", u->leak_result, 0);
	ut_check_int("batch-result: ib.v leak_result 0", v->leak_result, 0);
	ut_check(u->leak_heap == LEAK_NONE && v->leak_heap == LEAK_NONE, "batch-result: no heap leak",
		 "u %d v %d", u->leak_heap, v->leak_heap);
	ut_check(ut_diag(DIAG_PARAM_LEAK, "leaking param: u to result ~r0 level=0") &&
		 ut_diag(DIAG_PARAM_LEAK, "leaking param: v to result ~r0 level=0"),
		 "batch-result: diagnostics", "%s", ut_diags());
	ut_tu_free(tu);
}

/* A parameter stored into what another parameter points to: the
 * summary says which argument's memory (leak_to), so a caller whose
 * argument is a local keeps the value local.
 *   void set(int **dst, int *v) { *dst = v; }
 *   void local(void) { int x; int *p; set(&p, &x); }
 *   void out(int **o) { int y; set(o, &y); } */
static void
t_leak_to(void)
{
	struct tu *tu = ut_tu();
	struct func *set = ut_func(tu, "set", 0);
	struct location *dst = ut_param(tu, set, "dst", 1);
	struct location *v = ut_param(tu, set, "v", 1);
	struct store *st = ut_store(tu, set, "*dst", dst, 0, 0);
	ut_flow(tu, set, st->mem, 0, v);
	ut_store_done(tu, set, st);
	ut_func_end(set);

	struct func *local = ut_func(tu, "local", 0);
	struct location *x = ut_var(tu, local, "x", 0);
	struct location *p = ut_var(tu, local, "p", 0);
	struct call *c = ut_call(tu, local, "set", set, 2, 0, 0);
	ut_arg(tu, local, c, 0, -1, p);
	ut_arg(tu, local, c, 1, -1, x);
	ut_func_end(local);

	struct func *out = ut_func(tu, "out", 0);
	struct location *o = ut_param(tu, out, "o", 1);
	struct location *y = ut_var(tu, out, "y", 0);
	c = ut_call(tu, out, "set", set, 2, 0, 0);
	ut_arg(tu, out, c, 0, 0, o);
	ut_arg(tu, out, c, 1, -1, y);
	ut_func_end(out);
	ut_analyze(tu);

	ut_check_int("leak-to: v into *dst at 0", v->leak_to[0], 0);
	ut_check(v->leak_heap == LEAK_NONE && v->leak_unknown == LEAK_NONE &&
		 v->leak_result == LEAK_NONE, "leak-to: v leaks nowhere else", "heap %d unknown %d result %d",
		 v->leak_heap, v->leak_unknown, v->leak_result);
	ut_check(dst->leak_heap == LEAK_NONE && dst->leak_to[1] == LEAK_NONE,
		 "leak-to: dst itself does not leak", "heap %d", dst->leak_heap);
	ut_check(ut_diag(DIAG_PARAM_LEAK, "leaking param: v") &&
		 ut_diag(DIAG_PARAM_NOESCAPE, "dst does not escape"),
		 "leak-to: Go's wording", "%s", ut_diags());
	ut_check_int("leak-to-local: x level none", x->level, ESC_NONE);
	ut_check_int("leak-to-local: p level none", p->level, ESC_NONE);
	ut_check_int("leak-to-param: y level proven", y->level, ESC_PROVEN);
	ut_check(ut_diag(DIAG_STACK_ESCAPE, FRAME("y")) && ut_ndiag(DIAG_STACK_ESCAPE) == 1,
		 "leak-to: only y escapes", "%s", ut_diags());
	ut_check(ut_diag(DIAG_PARAM_NOESCAPE, "o does not escape") != NULL,
		 "leak-to-param: o does not escape", "%s", ut_diags());
	ut_tu_free(tu);
}

int
main(void)
{
	for (int v = 0; v <= 3; v++)
		t_unknown_callee(v);
	t_param_to_unknown();
	t_summaries();
	t_batch();
	t_leak_to();
	return ut_done();
}
