/*
 * lower.h: shared by the frontend files only (cx.c, lower.c,
 * lower_expr.c). It is the one place besides them that names libclang
 * types; nothing past lowering includes it.
 */
#ifndef EC_LOWER_H
#define EC_LOWER_H

#include <clang-c/Index.h>

#include "ec.h"

#if CINDEX_VERSION_MINOR < 64
#error "escape-check needs libclang >= 17 (clang_getCursorBinaryOperatorKind)"
#endif

/* A hole: where the value of the expression being lowered goes (Go's
 * escape.hole). dst NULL is the blank sink: the value goes nowhere. */
struct hole {
	struct location *dst;
	int derefs;
	struct note *notes;
	int int_checked;	/* an integer value already known to hold a pointer */
};

/* What lowering one function needs. */
struct lower {
	struct tu *tu;
	struct func *fn;
	CXTranslationUnit ctu;
	int region;		/* current region */
	int notes;		/* record where/why notes (only traces read them) */
	/* locals: cursor hash -> location (open addressing) */
	struct {
		CXCursor cur;
		struct location *loc;
	} *map;
	int mapcap, mapn;
	/* control flow (cfg.c) */
	int cur;		/* current block, -1 after return/goto/break */
	int brk, cont;		/* targets of break and continue, or -1 */
	int sw, sw_default;	/* the enclosing switch's head block, or -1 */
	struct {
		const char *name;
		int block;
	} *labels;
	int nlabels, caplabels;
	int *temps;		/* temporaries of the current statement */
	int ntemps, captemps;
	int *keyhash, keycap;	/* cfg_key's table */
	struct {
		CXCursor cur;
		int key;
	} *callkeys;
	int ncallkeys, capcallkeys;
};

/* cx.c: positions and text of cursors, for everyone in the frontend. */
struct pos cx_pos(struct tu *tu, CXCursor c);
struct pos cx_loc_pos(struct tu *tu, CXSourceLocation loc);
const char *cx_text(struct tu *tu, CXCursor c);	/* normalised, in the arena */
const char *cx_spelling(struct tu *tu, CXCursor c);
int cx_type_has_pointers(CXType t);
int cx_children(CXCursor c, CXCursor *out, int max);
CXCursor cx_strip(CXCursor c);	/* through parens and implicit casts */
int cx_has_attr(CXTranslationUnit tu, CXCursor c, const char *name);
int cx_eval_int(CXCursor c, long long *v);

/* lower.c */
void lower_tu(struct tu *tu, CXTranslationUnit ctu);
struct location *lower_lookup(struct lower *L, CXCursor decl);
int lower_region_push(struct lower *L, enum region_kind k);
void lower_region_pop(struct lower *L, int saved);
void lower_stmt(struct lower *L, CXCursor s);
struct func *lower_func_of(struct lower *L, CXCursor decl);
const char *lower_usr(struct lower *L, CXCursor decl);

/* cfg.c: the control-flow graph and holder keys, built while lowering */
int cfg_block(struct lower *L);
void cfg_jump(struct lower *L, int to);
struct op *cfg_op(struct lower *L, enum op_kind k, int dst, int src, CXCursor where);
int cfg_key(struct lower *L, const char *name);
int cfg_temp(struct lower *L, CXCursor call);
int cfg_value_key(struct lower *L, CXCursor e);
int cfg_lvalue_key(struct lower *L, CXCursor e, int *weak);
void cfg_null_test(struct lower *L, CXCursor cond, int then_index);
void cfg_stmt_end(struct lower *L, int t0, int lost, CXCursor stmt);
int cfg_label(struct lower *L, const char *name);
int cfg_is_null(CXCursor e);
int cfg_is_temp(struct lower *L, int key);
void cfg_escape_all(struct lower *L, CXCursor e);

/* lower_expr.c */
void lower_expr(struct lower *L, CXCursor e, struct hole k);
void lower_assign(struct lower *L, CXCursor lhs, CXCursor rhs, enum reason why,
		  struct pos stmt_pos, const char *stmt_text);
struct hole lower_lvalue(struct lower *L, CXCursor lhs);
struct hole hole_note(struct lower *L, struct hole k, CXCursor where, enum reason why);
struct def *lower_def(struct lower *L, CXCursor e);
void lower_free_attr_cache(void);
int lower_int_carries_ptr(struct lower *L, CXCursor e);

#endif
