/*
 * cfg.c: the control-flow graph of a function, built while lower.c walks
 * its statements, for the ownership pass (own.c).
 *
 * libclang gives only the syntax tree, so we make our own small CFG:
 * basic blocks of ops (assignments between holders, calls, escapes,
 * returns), with an edge per branch, loop, goto, break and continue. A
 * block that ends in a null test (if (!p), if (p == NULL), if ((p =
 * malloc(n)) == NULL)) says which successor sees the key as NULL: on that
 * path the allocation did not happen, so it cannot leak.
 *
 * Holders are *keys*: a local variable ("p"), a field of a local struct
 * ("s.buf"), any element of a local array ("a[]"), or a temporary for a
 * call's result ("#3"), interned per function. The graph stays linear in
 * the size of the function: one block per branch arm, one op per
 * assignment or call.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"

int
cfg_block(struct lower *L)
{
	struct func *fn = L->fn;
	if (fn->nblocks == fn->capblocks) {
		fn->capblocks = fn->capblocks ? fn->capblocks * 2 : 16;
		fn->blocks = xrealloc(fn->blocks, sizeof *fn->blocks * (size_t)fn->capblocks);
	}
	struct bblock *b = &fn->blocks[fn->nblocks];
	memset(b, 0, sizeof *b);
	b->test_key = -1;
	b->null_succ = -1;
	return fn->nblocks++;
}

/* An edge from the current block to `to`; after it the current block is
 * closed only if the caller says so (goto, break). */
void
cfg_jump(struct lower *L, int to)
{
	if (L->cur < 0 || to < 0)
		return;
	struct bblock *b = &L->fn->blocks[L->cur];
	if (b->nsucc < 2)
		b->succ[b->nsucc++] = to;
	else {
		/* a third successor (never from our statements): chain a block */
		int mid = cfg_block(L);
		b = &L->fn->blocks[L->cur];
		struct bblock *m = &L->fn->blocks[mid];
		m->succ[m->nsucc++] = b->succ[1];
		m->succ[m->nsucc++] = to;
		b->succ[1] = mid;
	}
}

struct op *
cfg_op(struct lower *L, enum op_kind k, int dst, int src, CXCursor where)
{
	if (L->cur < 0)
		L->cur = cfg_block(L);	/* unreachable code: a block of its own */
	struct bblock *b = &L->fn->blocks[L->cur];
	if (b->nops == b->capops) {
		b->capops = b->capops ? b->capops * 2 : 8;
		b->ops = xrealloc(b->ops, sizeof *b->ops * (size_t)b->capops);
	}
	struct op *o = &b->ops[b->nops++];
	memset(o, 0, sizeof *o);
	o->kind = k;
	o->dst = dst;
	o->src = src;
	if (!clang_Cursor_isNull(where)) {
		o->pos = cx_pos(L->tu, where);
		o->text = cx_text(L->tu, where);
	} else {
		o->pos = L->fn->end_pos;
		o->text = "}";
	}
	return o;
}

/* Keys are interned through a hash table of their indexes (open
 * addressing, index + 1, 0 empty), so a function with thousands of
 * variables does not search a list for each. */
int
cfg_key(struct lower *L, const char *name)
{
	struct ptrvec *keys = &L->fn->keys;
	unsigned h = 2166136261u;
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	if ((keys->n + 1) * 2 > L->keycap) {
		int cap = L->keycap ? L->keycap * 2 : 64;
		free(L->keyhash);
		L->keyhash = xcalloc((size_t)cap, sizeof *L->keyhash);
		L->keycap = cap;
		for (int i = 0; i < keys->n; i++) {
			unsigned g = 2166136261u;
			for (const char *p = keys->v[i]; *p; p++)
				g = (g ^ (unsigned char)*p) * 16777619u;
			unsigned j = g & (unsigned)(cap - 1);
			while (L->keyhash[j])
				j = (j + 1) & (unsigned)(cap - 1);
			L->keyhash[j] = i + 1;
		}
	}
	unsigned j = h & (unsigned)(L->keycap - 1);
	while (L->keyhash[j]) {
		if (!strcmp(keys->v[L->keyhash[j] - 1], name))
			return L->keyhash[j] - 1;
		j = (j + 1) & (unsigned)(L->keycap - 1);
	}
	pv_push(keys, (void *)arena_strdup(&L->tu->arena, name));
	L->keyhash[j] = keys->n;
	return keys->n - 1;
}

int
cfg_is_temp(struct lower *L, int key)
{
	return key >= 0 && ((const char *)L->fn->keys.v[key])[0] == '#';
}

/* A temporary key for the result of call, remembered for this statement. */
int
cfg_temp(struct lower *L, CXCursor call)
{
	int k = cfg_key(L, arena_printf(&L->tu->arena, "#%d", L->fn->keys.n));
	if (L->ntemps == L->captemps) {
		L->captemps = L->captemps ? L->captemps * 2 : 8;
		L->temps = xrealloc(L->temps, sizeof *L->temps * (size_t)L->captemps);
	}
	L->temps[L->ntemps++] = k;
	if (L->ncallkeys == L->capcallkeys) {
		L->capcallkeys = L->capcallkeys ? L->capcallkeys * 2 : 8;
		L->callkeys = xrealloc(L->callkeys, sizeof *L->callkeys * (size_t)L->capcallkeys);
	}
	L->callkeys[L->ncallkeys].cur = call;
	L->callkeys[L->ncallkeys].key = k;
	L->ncallkeys++;
	return k;
}

static CXCursor
strip_all(CXCursor e)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(e);
		CXCursor kids[2];
		int n;
		if (k == CXCursor_ParenExpr || k == CXCursor_UnexposedExpr) {
			if (cx_children(e, kids, 2) != 1)
				return e;
			e = kids[0];
		} else if (k == CXCursor_CStyleCastExpr) {
			n = cx_children(e, kids, 2);
			if (n < 1)
				return e;
			e = kids[n - 1 < 1 ? n - 1 : 1];
			if (!clang_isExpression(clang_getCursorKind(e)))
				return e;
		} else {
			return e;
		}
	}
}

int
cfg_is_null(CXCursor e)
{
	e = strip_all(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr &&	/* thrd_success, an enum constant */
	    clang_getCursorKind(clang_getCursorReferenced(e)) != CXCursor_EnumConstantDecl)
		return 0;
	if (k != CXCursor_IntegerLiteral && k != CXCursor_CStyleCastExpr &&
	    k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr && k != CXCursor_DeclRefExpr)
		return 0;
	long long v;
	return cx_eval_int(e, &v) && v == 0;
}

static struct location *
local_of(struct lower *L, CXCursor declref)
{
	CXCursor d = clang_getCursorReferenced(declref);
	enum CXCursorKind k = clang_getCursorKind(d);
	if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
		return NULL;
	struct location *loc = lower_lookup(L, d);
	return loc && loc->kind != LOC_HEAP ? loc : NULL;
}

/* The holder an lvalue names, or -1 when the store goes somewhere we do
 * not track (a global, through a pointer): then the value escapes. */
int
cfg_lvalue_key(struct lower *L, CXCursor e, int *weak)
{
	*weak = 0;
	e = strip_all(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr: {
		struct location *loc = local_of(L, e);
		return loc ? cfg_key(L, loc->name) : -1;
	}
	case CXCursor_MemberRefExpr: {
		CXCursor kid[1];
		if (cx_children(e, kid, 1) != 1)
			return -1;
		if (clang_getCanonicalType(clang_getCursorType(kid[0])).kind == CXType_Pointer)
			return -1;
		int w, base = cfg_lvalue_key(L, kid[0], &w);
		if (base < 0)
			return -1;
		*weak = w;
		return cfg_key(L, cx_text(L->tu, e));
	}
	case CXCursor_ArraySubscriptExpr: {
		CXCursor kid[2];
		if (cx_children(e, kid, 2) != 2)
			return -1;
		CXCursor base = strip_all(kid[0]);
		enum CXTypeKind bk = clang_getCanonicalType(clang_getCursorType(base)).kind;
		if (bk != CXType_ConstantArray && bk != CXType_VariableArray && bk != CXType_IncompleteArray)
			return -1;
		if (clang_getCursorKind(base) == CXCursor_DeclRefExpr &&
		    clang_getCursorKind(clang_getCursorReferenced(base)) == CXCursor_ParmDecl)
			return -1;	/* char *argv[] is a pointer */
		int w, b = cfg_lvalue_key(L, base, &w);
		if (b < 0)
			return -1;
		*weak = 1;
		return cfg_key(L, arena_printf(&L->tu->arena, "%s[]", (const char *)L->fn->keys.v[b]));
	}
	default:
		return -1;
	}
}

/* The holder whose pointer an expression's value is, or -1. */
int
cfg_value_key(struct lower *L, CXCursor e)
{
	e = strip_all(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr: {
		int w;
		return cfg_lvalue_key(L, e, &w);
	}
	case CXCursor_CallExpr:
		for (int i = L->ncallkeys - 1; i >= 0; i--)
			if (clang_equalCursors(L->callkeys[i].cur, e))
				return L->callkeys[i].key;
		return -1;
	case CXCursor_BinaryOperator: {
		CXCursor kid[2];
		if (cx_children(e, kid, 2) != 2)
			return -1;
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
		if (op == CXBinaryOperator_Assign)
			return cfg_value_key(L, kid[0]);
		if (op == CXBinaryOperator_Comma)
			return cfg_value_key(L, kid[1]);
		/* p + n points into the same block as p */
		if ((op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub) &&
		    clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Pointer)
			for (int i = 0; i < 2; i++)
				if (clang_getCanonicalType(clang_getCursorType(kid[i])).kind == CXType_Pointer)
					return cfg_value_key(L, kid[i]);
		return -1;
	}
	case CXCursor_UnaryOperator: {
		/* &p->field and &p[i] point into the block p points to */
		CXCursor kid[2];
		if (clang_getCursorUnaryOperatorKind(e) != CXUnaryOperator_AddrOf ||
		    cx_children(e, kid, 1) != 1)
			return -1;
		CXCursor x = strip_all(kid[0]);
		enum CXCursorKind xk = clang_getCursorKind(x);
		if ((xk == CXCursor_MemberRefExpr || xk == CXCursor_ArraySubscriptExpr) &&
		    cx_children(x, kid, 2) >= 1 &&
		    clang_getCanonicalType(clang_getCursorType(kid[0])).kind == CXType_Pointer)
			return cfg_value_key(L, kid[0]);
		return -1;
	}
	case CXCursor_ConditionalOperator: {
		CXCursor kid[3];
		if (cx_children(e, kid, 3) != 3)
			return -1;
		if (cfg_is_null(kid[1]))
			return cfg_value_key(L, kid[2]);
		if (cfg_is_null(kid[2]))
			return cfg_value_key(L, kid[1]);
		return -1;
	}
	default:
		return -1;
	}
}

/* If the current block ends in a null test of a holder, record which of
 * its two successors (0 then, 1 else) sees NULL (or zero, for a call that
 * returns a status). */
void
cfg_null_test(struct lower *L, CXCursor cond, int unused)
{
	if (L->cur < 0)
		return;
	CXCursor e = strip_all(cond);
	int null_when_true;
	CXCursor subject = clang_getNullCursor();
	CXCursor kid[2];
	/* see through unlikely(!p) and !!(...) */
	for (int guard = 0; guard < 16; guard++) {
		enum CXCursorKind k = clang_getCursorKind(e);
		if (k == CXCursor_CallExpr && clang_Cursor_getNumArguments(e) >= 1) {
			CXCursor ref = clang_getCursorReferenced(e);
			CXString nm = clang_getCursorSpelling(ref);
			int expect = !strncmp(clang_getCString(nm), "__builtin_expect", 16);
			clang_disposeString(nm);
			if (!expect)
				break;
			e = strip_all(clang_Cursor_getArgument(e, 0));
		} else if (k == CXCursor_UnaryOperator &&
			   clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot &&
			   cx_children(e, kid, 1) == 1 &&
			   clang_getCursorKind(strip_all(kid[0])) == CXCursor_UnaryOperator &&
			   clang_getCursorUnaryOperatorKind(strip_all(kid[0])) == CXUnaryOperator_LNot) {
			CXCursor inner[1];
			if (cx_children(strip_all(kid[0]), inner, 1) != 1)
				break;
			e = strip_all(inner[0]);	/* !!x is x */
		} else {
			break;
		}
	}
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot &&
	    cx_children(e, kid, 1) == 1) {
		subject = kid[0];
		null_when_true = 1;
	} else if (k == CXCursor_BinaryOperator && cx_children(e, kid, 2) == 2 &&
		   (clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_EQ ||
		    clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_NE)) {
		null_when_true = clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_EQ;
		if (cfg_is_null(kid[1]))
			subject = kid[0];
		else if (cfg_is_null(kid[0]))
			subject = kid[1];
		else
			return;
	} else {
		enum CXTypeKind t = clang_getCanonicalType(clang_getCursorType(e)).kind;
		if (t != CXType_Pointer && clang_getCursorKind(e) != CXCursor_CallExpr)
			return;	/* ints: only a call's status (if (pthread_create(...))) */
		subject = e;
		null_when_true = 0;
	}
	int key = cfg_value_key(L, subject);
	if (key < 0)
		return;
	struct bblock *b = &L->fn->blocks[L->cur];
	b->test_key = key;
	b->null_succ = null_when_true ? 0 : 1;
}

/* The end of a full statement: its temporaries are gone. A call whose
 * result nobody used (lost) drops an allocation on the floor. */
void
cfg_stmt_end(struct lower *L, int t0, int lost, CXCursor stmt)
{
	if (L->cur >= 0)
		for (int i = t0; i < L->ntemps; i++) {
			struct op *o = cfg_op(L, OP_DROP, -1, L->temps[i], stmt);
			o->lost = lost && i == L->ntemps - 1;
		}
	L->ntemps = t0;
	if (!t0)
		L->ncallkeys = 0;
}

static enum CXChildVisitResult
escape_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct lower *L = d;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		struct location *loc = local_of(L, c);
		if (loc)
			cfg_op(L, OP_ESCAPE, -1, cfg_key(L, loc->name), c);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		int k = cfg_value_key(L, c);
		if (k >= 0)
			cfg_op(L, OP_ESCAPE, -1, k, c);
	}
	return CXChildVisit_Recurse;
}

/* A value we cannot follow leaves through a return or a store: every
 * local it mentions (and every call result in it) may go with it, so
 * none of them is reported as lost. Errs towards silence. */
void
cfg_escape_all(struct lower *L, CXCursor e)
{
	if (escape_visit(e, e, L) == CXChildVisit_Recurse)
		clang_visitChildren(e, escape_visit, L);
}

int
cfg_label(struct lower *L, const char *name)
{
	for (int i = 0; i < L->nlabels; i++)
		if (!strcmp(L->labels[i].name, name))
			return L->labels[i].block;
	if (L->nlabels == L->caplabels) {
		L->caplabels = L->caplabels ? L->caplabels * 2 : 8;
		L->labels = xrealloc(L->labels, sizeof *L->labels * (size_t)L->caplabels);
	}
	L->labels[L->nlabels].name = name;
	L->labels[L->nlabels].block = cfg_block(L);
	return L->labels[L->nlabels++].block;
}
