/*
 * ut.h: helpers for the unit tests: hand-built graphs and plain checks.
 *
 * The tests build `struct tu` the way analyzer/lower.c's lower_func does
 * (region 0 for the frame, {heap}, {unknown}, ~r0, parameters in region
 * 0, events numbered by fn->nseq), then run the passes as analyzer/main.c
 * analyze() does. No parser: libclang stays at the edge.
 *
 * Each check prints `ok NAME` or `FAIL NAME: why`; ut_done prints
 * `N passed, M failed` and returns the exit status.
 */
#ifndef UT_H
#define UT_H

#include "ec.h"

/* ---- checks ---- */

void ut_check(int ok, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ut_check_int(const char *name, long long got, long long want);
void ut_check_str(const char *name, const char *got, const char *want);
/* A known gap: the check states the right answer; while it fails it
 * prints `todo NAME: why` and does not fail the run, and once it holds
 * it prints `ok NAME` and asks to become a plain check. */
void ut_todo(int ok, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int ut_done(void);		/* prints the summary; 0 or 1 */
/* Fails the run if a test takes longer than secs (a solver that loops);
 * secs 0 cancels. */
void ut_watchdog(unsigned secs, const char *what);

#define CHECK(name, cond) ut_check(!!(cond), name, "%s", #cond)

/* ---- graphs ---- */

struct tu *ut_tu(void);
/* Frees the unit as main.c does, and every diagnostic. */
void ut_tu_free(struct tu *tu);

/* A defined function of the main file, region 0 open (as lower_func). */
struct func *ut_func(struct tu *tu, const char *name, int returns_ptr);
/* Closes region 0: call once the body is built. */
void ut_func_end(struct func *fn);
struct location *ut_param(struct tu *tu, struct func *fn, const char *name, int is_ptr);

/* Regions: opened under parent, closed in nesting order. */
int ut_region(struct func *fn, enum region_kind k, int parent);
void ut_region_end(struct func *fn, int r);

/* An automatic pointer variable declared in region. */
struct location *ut_var(struct tu *tu, struct func *fn, const char *name, int region);
/* Any other location (an allocation, a temporary). */
struct location *ut_loc(struct tu *tu, struct func *fn, enum loc_kind k, const char *name,
			int region);

/* dst <- src with derefs, noted as an assignment (or address-of). */
struct edge *ut_flow(struct tu *tu, struct func *fn, struct location *dst, int derefs,
		     struct location *src);
/* return SRC: ~r0 <- src, then the jump (EV_JUMP). */
void ut_return(struct tu *tu, struct func *fn, int derefs, struct location *src, int region);
/* var = ...: the write event that kills var's old value. */
void ut_write(struct tu *tu, struct func *fn, struct location *var, int region);
void ut_read(struct tu *tu, struct func *fn, struct location *var, int region);
void ut_jump(struct tu *tu, struct func *fn, int region);

/* A store KEY = v. With base NULL a global store (g = v); otherwise
 * *base = v where base holds src with derefs. The caller adds the flows
 * into st->mem *before* calling ut_store_done, which records the
 * EV_STORE as lower_expr.c's assign does. */
struct store *ut_store(struct tu *tu, struct func *fn, const char *key,
		       struct location *base_src, int base_derefs, int region);
void ut_store_done(struct tu *tu, struct func *fn, struct store *st);

/* A call NAME(args...) to callee (NULL: unknown), with a result temp if
 * has_result. Arguments are added with ut_arg. */
struct call *ut_call(struct tu *tu, struct func *fn, const char *name, struct func *callee,
		     int nargs, int has_result, int region);
/* Argument i of c holds src with derefs. */
struct location *ut_arg(struct tu *tu, struct func *fn, struct call *c, int i, int derefs,
			struct location *src);

/* The passes, as main.c's analyze() runs them after lowering. */
void ut_analyze(struct tu *tu);

/* Diagnostics: the one with this code and message, or NULL; how many
 * have this code; all of them as lines "code: message" (static buffer). */
struct diag *ut_diag(enum diag_code code, const char *message);
int ut_ndiag(enum diag_code code);
const char *ut_diags(void);
/* Does d's trace contain a step whose text is exactly text? */
int ut_has_step(struct diag *d, const char *text);

#endif
