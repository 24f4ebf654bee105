/*
 * lower_expr.c: C expressions into flows (Go's escape/expr.go, for C).
 *
 * An expression is lowered into a *hole*: the location its value flows
 * to, with a derefs count and the notes gathered on the way. Walking
 * inward, `&e` lowers e into the hole with one fewer deref, `*e`, `e->f`
 * and `p[i]` with one more; `s.f` and `a[i]` on a true array keep the
 * hole (field and element insensitive, as Go is); casts, `?:`, `,`,
 * pointer arithmetic and statement expressions pass the value through.
 * When the walk reaches a variable, an allocation or a compound literal,
 * it adds the edge hole.dst <- that location.
 *
 * Stores: `x = v` flows into x. `*p = v`, `p->f = v` and `p[i] = v`
 * flow into a LOC_STORE location whose targets solve.c resolves from
 * what p points to; `g = v` for a global flows into one that goes to
 * {heap} unless the store is undone before every return. Integers
 * stored into globals or through pointers, and scalars of non-pointer
 * types anywhere outside locals, carry nothing.
 *
 * Calls are recorded (struct call) with a temporary per argument and one
 * for the result; calls.c wires them once the callee's summary is known.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"

static struct hole blank;

struct hole
hole_note(struct lower *L, struct hole k, CXCursor where, enum reason why)
{
	if (!k.dst || !L->notes)
		return k;
	k.notes = graph_note(L->tu, k.notes, cx_pos(L->tu, where), cx_text(L->tu, where), why);
	return k;
}

static struct hole
hole_addr(struct hole k)
{
	if (k.dst && k.derefs > -1)
		k.derefs--;
	return k;
}

static struct hole
hole_deref(struct hole k)
{
	if (k.dst)
		k.derefs++;
	return k;
}

static void
hole_flow(struct lower *L, struct hole k, struct location *src)
{
	if (!k.dst || !src)
		return;
	/* a non-pointer sink (an int result, a float) carries nothing */
	if (!k.dst->is_ptr && k.derefs >= 0 &&
	    (k.dst->kind == LOC_RESULT || k.dst->kind == LOC_TEMP))
		return;
	graph_flow(L->tu, k.dst, k.derefs, src, k.notes, L->fn->nseq);
}

static CXCursor *
kids_of(CXCursor c, int *n)
{
	*n = cx_children(c, NULL, 0);
	CXCursor *all = xmalloc(sizeof *all * (size_t)(*n ? *n : 1));
	cx_children(c, all, *n);
	return all;
}

static int
is_expr(CXCursor c)
{
	return clang_isExpression(clang_getCursorKind(c));
}

static enum CXTypeKind
ckind(CXCursor c)
{
	return clang_getCanonicalType(clang_getCursorType(c)).kind;
}

static int
is_array(enum CXTypeKind k)
{
	return k == CXType_ConstantArray || k == CXType_IncompleteArray ||
	       k == CXType_VariableArray || k == CXType_DependentSizedArray;
}

static int
is_int(enum CXTypeKind k)
{
	return (k >= CXType_Bool && k <= CXType_Int128) || k == CXType_Enum;
}

/* An expression that names an array object. A parameter declared as an
 * array (char *argv[]) is a pointer in C (6.7.6.3p7), whatever libclang
 * says its type is. */
static int
is_array_object(CXCursor e)
{
	if (!is_array(ckind(e)))
		return 0;
	CXCursor s = cx_strip(e);
	if (clang_getCursorKind(s) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(s)) == CXCursor_ParmDecl)
		return 0;
	return 1;
}

static int
is_float(enum CXTypeKind k)
{
	return k == CXType_Float || k == CXType_Double || k == CXType_LongDouble ||
	       k == CXType_Half || k == CXType_Float16 || k == CXType_Float128 ||
	       k == CXType_Complex;
}

static int
is_va_list(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind == CXType_ConstantArray)
		t = clang_getCanonicalType(clang_getArrayElementType(t));
	else if (t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	if (t.kind != CXType_Record)
		return 0;
	CXString s = clang_getTypeSpelling(t);
	int r = strstr(clang_getCString(s), "__va_list_tag") != NULL;
	clang_disposeString(s);
	return r;
}

/* va_arg(ap, T) reaches libclang as an unexposed expression whose one
 * child is the va_list. */
static int
is_va_arg(CXCursor e)
{
	CXCursor kid[4], x = clang_getNullCursor();
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k != CXCursor_UnexposedExpr)
		return 0;
	/* va_arg(ap, hook_fn) also has the type as a child: count expressions */
	int n = cx_children(e, kid, 4), nexpr = 0;
	for (int i = 0; i < n && i < 4; i++)
		if (is_expr(kid[i])) {
			x = kid[i];
			nexpr++;
		}
	return nexpr == 1 && is_va_list(clang_getCursorType(x)) && !is_va_list(clang_getCursorType(e));
}

/* Local variable or parameter behind a DeclRefExpr, or {heap} for
 * anything with static storage. NULL for functions and constants. */
static struct location *
declref_loc(struct lower *L, CXCursor e)
{
	CXCursor d = clang_getCursorReferenced(e);
	enum CXCursorKind k = clang_getCursorKind(d);
	if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
		return NULL;
	struct location *loc = lower_lookup(L, d);
	return loc ? loc : L->fn->heap;
}

/* ---- calls ---- */

static struct model attr_malloc_model = {
	.name = "__attribute__((malloc))", .alloc = 1, .size_arg = {-1, -1},
};

static int
is_alloca(const char *name)
{
	return !strcmp(name, "alloca") || !strcmp(name, "__builtin_alloca") ||
	       !strcmp(name, "__builtin_alloca_with_align") ||
	       !strcmp(name, "__builtin_alloca_uninitialized");
}

static struct model *
find_model(const char *name)
{
	struct model *m = model_find(name);
	if (!m && !strncmp(name, "__builtin_", 10))
		m = model_find(name + 10);
	return m;
}

static void
site_size(struct lower *L, struct location *site, CXCursor call, const int *args, int nargs)
{
	long long total = 1;
	int konst = 1, any = 0;
	for (int i = 0; i < 2; i++) {
		if (args[i] < 0 || args[i] >= nargs)
			continue;
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)args[i]);
		long long v;
		any = 1;
		if (cx_eval_int(a, &v))
			total *= v;
		else {
			konst = 0;
			if (!site->size_def)
				site->size_def = lower_def(L, a);
		}
	}
	site->size_const = any && konst;
	site->size = total;
	site->size_known = 1;
}

/* Does what the argument points to hold pointers? Looks through the
 * conversion to void * that memcpy's prototype applies. */
static int
points_to_pointers(CXCursor a)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(a);
		CXCursor kid[2];
		if ((k == CXCursor_UnexposedExpr || k == CXCursor_ParenExpr ||
		     k == CXCursor_CStyleCastExpr) && cx_children(a, kid, 2) == 1 &&
		    (ckind(kid[0]) == CXType_Pointer || is_array(ckind(kid[0]))))
			a = kid[0];
		else
			break;
	}
	CXType t = clang_getCanonicalType(clang_getCursorType(a));
	if (t.kind == CXType_Pointer)
		return cx_type_has_pointers(clang_getPointeeType(t));
	if (is_array(t.kind))
		return cx_type_has_pointers(clang_getArrayElementType(t));
	return 1;
}

/* Attributes of a called function, read once per function: reading them
 * means tokenizing, which is slow for a call in every other line. */
struct fattrs {
	char *usr;
	unsigned malloc : 1, noreturn : 1;
	unsigned long long noescape;	/* bit i: parameter i */
	struct fattrs *next;
};
#define FATTR_BUCKETS 4096
static struct fattrs *fattr_table[FATTR_BUCKETS];

static int attr_noreturn(struct lower *L, CXCursor ref);

static const struct fattrs *
callee_attrs(struct lower *L, CXCursor ref)
{
	const char *usr = lower_usr(L, ref);
	unsigned h = 2166136261u;
	for (const char *p = usr; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	h %= FATTR_BUCKETS;
	struct fattrs *a;
	for (a = fattr_table[h]; a; a = a->next)
		if (!strcmp(a->usr, usr))
			break;
	if (!a) {
		a = xcalloc(1, sizeof *a);
		a->usr = xstrdup(usr);
		a->malloc = cx_has_attr(L->ctu, ref, "malloc");
		a->noreturn = attr_noreturn(L, ref);
		CXCursor canon = clang_getCanonicalCursor(ref);
		int np = clang_Cursor_getNumArguments(ref);
		for (int i = 0; i < np && i < 64; i++) {
			CXCursor p = clang_Cursor_getArgument(ref, (unsigned)i);
			int ne = cx_has_attr(L->ctu, p, "noescape");
			if (!ne && !clang_equalCursors(canon, ref))
				ne = cx_has_attr(L->ctu, clang_Cursor_getArgument(canon, (unsigned)i), "noescape");
			if (ne)
				a->noescape |= 1ull << i;
		}
		a->next = fattr_table[h];
		fattr_table[h] = a;
	}
	return a;
}

void
lower_free_attr_cache(void)
{
	for (int i = 0; i < FATTR_BUCKETS; i++) {
		for (struct fattrs *a = fattr_table[i], *n; a; a = n) {
			n = a->next;
			free(a->usr);
			free(a);
		}
		fattr_table[i] = NULL;
	}
}

static int
attr_noreturn(struct lower *L, CXCursor ref)
{
	return cx_has_attr(L->ctu, ref, "noreturn") || cx_has_attr(L->ctu, ref, "_Noreturn");
}

static int
is_noreturn(struct lower *L, CXCursor ref, const char *name)
{
	static const char *const names[] = {
		"exit", "_exit", "_Exit", "abort", "quick_exit", "__assert_fail",
		"__assert_perror_fail", "__assert", "__builtin_trap", "__builtin_unreachable",
		"longjmp", "siglongjmp", "_longjmp", "err", "errx", "verr", "verrx",
		"pthread_exit", "thrd_exit", "__stack_chk_fail", NULL,
	};
	for (int i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return 1;
	return callee_attrs(L, ref)->noreturn;
}

static void
lower_call(struct lower *L, CXCursor c, struct hole k)
{
	struct tu *tu = L->tu;
	struct func *fn = L->fn;
	int nargs = clang_Cursor_getNumArguments(c);
	if (nargs < 0)
		nargs = 0;
	CXCursor ref = clang_getCursorReferenced(c);
	int direct = clang_getCursorKind(ref) == CXCursor_FunctionDecl;
	const char *name = direct ? cx_spelling(tu, ref) : NULL;
	const char *text = cx_text(tu, c);
	struct pos pos = cx_pos(tu, c);

	/* the callee expression: a read of a function pointer, if any */
	CXCursor first[1];
	if (cx_children(c, first, 1) >= 1 && !direct)
		lower_expr(L, first[0], blank);

	if (direct && is_alloca(name)) {
		struct location *a = graph_loc(tu, fn, LOC_ALLOCA, text, pos);
		a->site_text = text;
		a->region = 0;	/* alloca memory lives until the function returns */
		static const int sz[2] = {0, -1};
		site_size(L, a, c, sz, nargs);
		for (int i = 0; i < nargs; i++)
			lower_expr(L, clang_Cursor_getArgument(c, (unsigned)i), blank);
		if (!a->size_const)
			pv_push(&fn->vlas, a);
		if (k.dst && k.dst->kind == LOC_VAR)
			a->sym = k.dst->name;
		hole_flow(L, hole_addr(hole_note(L, k, c, R_SPILL)), a);
		return;
	}

	struct call *cl = arena_alloc(&tu->arena, sizeof *cl);
	cl->pos = pos;
	cl->text = text;
	cl->callee_name = name;
	cl->via_pointer = !direct;
	cl->nargs = nargs;
	cl->region = L->region;
	if (direct) {
		cl->callee = lower_func_of(L, ref);
		if (!cl->callee)
			cl->callee_usr = lower_usr(L, ref);
		cl->model = find_model(name);
		if (!cl->model && !cl->callee && callee_attrs(L, ref)->malloc)
			cl->model = &attr_malloc_model;
	}
	cl->args = arena_alloc(&tu->arena, sizeof *cl->args * (size_t)(nargs ? nargs : 1));
	cl->arg_is_ptr = arena_alloc(&tu->arena, (size_t)(nargs ? nargs : 1));
	cl->arg_noescape = arena_alloc(&tu->arena, (size_t)(nargs ? nargs : 1));
	cl->arg_deep = arena_alloc(&tu->arena, (size_t)(nargs ? nargs : 1));
	int nparams = direct ? clang_Cursor_getNumArguments(ref) : -1;
	const char *cname = name ? name : cx_text(tu, first[0]);
	for (int i = 0; i < nargs; i++) {
		CXCursor a = clang_Cursor_getArgument(c, (unsigned)i);
		const char *pname = NULL;
		if (i < nparams) {
			CXCursor p = clang_Cursor_getArgument(ref, (unsigned)i);
			pname = cx_spelling(tu, p);
			if (i < 64 && (callee_attrs(L, ref)->noescape >> i & 1))
				cl->arg_noescape[i] = 1;
		}
		const char *tname = pname && pname[0]
			? arena_printf(&tu->arena, "%s.%s", cname, pname)
			: arena_printf(&tu->arena, "{arg %d of %s}", i + 1, cname);
		struct location *t = graph_loc(tu, fn, LOC_TEMP, tname, cx_pos(tu, a));
		t->region = L->region;
		enum CXTypeKind ak = ckind(a);
		t->is_ptr = !is_float(ak) && (cx_type_has_pointers(clang_getCursorType(a)) ||
			   ak == CXType_Pointer || (ak >= CXType_Bool && ak <= CXType_Int128));
		cl->arg_is_ptr[i] = cx_type_has_pointers(clang_getCursorType(a)) ||
				    ak == CXType_Pointer;
		cl->args[i] = t;
		cl->arg_deep[i] = points_to_pointers(a);
		struct hole h = {.dst = t};
		h.notes = graph_note(tu, NULL, pos, text, R_CALL_PARAM);
		lower_expr(L, a, h);
	}
	cl->arg_key = arena_alloc(&tu->arena, sizeof *cl->arg_key * (size_t)(nargs ? nargs : 1));
	cl->arg_addr_of = arena_alloc(&tu->arena, (size_t)(nargs ? nargs : 1));
	for (int i = 0; i < nargs; i++) {
		CXCursor a = cx_strip(clang_Cursor_getArgument(c, (unsigned)i));
		CXCursor kid[1];
		cl->arg_key[i] = -1;
		if (clang_getCursorKind(a) == CXCursor_UnaryOperator &&
		    clang_getCursorUnaryOperatorKind(a) == CXUnaryOperator_AddrOf &&
		    cx_children(a, kid, 1) == 1) {
			cl->arg_key[i] = cfg_value_key(L, kid[0]);
			cl->arg_addr_of[i] = cl->arg_key[i] >= 0;
		} else {
			cl->arg_key[i] = cfg_value_key(L, clang_Cursor_getArgument(c, (unsigned)i));
		}
	}
	cl->noreturn = direct && is_noreturn(L, ref, name);
	cl->args_const = 0;
	cl->args_product = 1;
	cl->arg_is_const = arena_alloc(&tu->arena, (size_t)(nargs ? nargs : 1));
	cl->arg_const = arena_alloc(&tu->arena, sizeof *cl->arg_const * (size_t)(nargs ? nargs : 1));
	for (int i = 0, bad = 0; i < nargs; i++) {
		CXCursor a = clang_Cursor_getArgument(c, (unsigned)i);
		long long v;
		if (!is_int(ckind(a)))
			continue;
		if (!cx_eval_int(a, &v)) {
			bad = 1;
			cl->args_const = 0;
			continue;
		}
		cl->arg_is_const[i] = 1;
		cl->arg_const[i] = v;
		if (!bad) {
			cl->args_const = 1;
			cl->args_product *= v;
		}
	}
	struct location *r = NULL;
	CXType rt = clang_getCursorType(c);
	if (cx_type_has_pointers(rt)) {
		r = graph_loc(tu, fn, LOC_TEMP, text, pos);
		r->region = L->region;
		r->is_ptr = 1;
		r->call_result = 1;
		cl->result = r;
	}
	if (cl->model && cl->model->alloc && r) {
		struct location *site = graph_loc(tu, fn, LOC_ALLOC,
			arena_printf(&tu->arena, "{storage for %s}", text), pos);
		site->site_text = text;
		site->sym = (k.dst && k.dst->kind == LOC_VAR) ? k.dst->name : "";
		if (k.dst && k.dst->kind == LOC_VAR) {
			site->elem_type = k.dst->elem_type;
			site->elem_size = k.dst->elem_size;
		}
		cl->alloc_site = site;
		site->size_const = site->size_const;
		site_size(L, site, c, cl->model->size_arg, nargs);
		struct note *n = graph_note(tu, NULL, pos, text, R_SPILL);
		graph_flow(tu, r, -1, site, n, fn->nseq);
	}
	cl->seq = fn->nseq;
	if (k.dst && k.dst->kind == LOC_VAR)
		cl->recv = k.dst;
	pv_push(&fn->calls, cl);
	cl->dst_key = cfg_temp(L, c);
	cfg_op(L, OP_CALL, cl->dst_key, -1, c)->call = cl;
	if (cl->noreturn)
		L->cur = -1;
	hole_flow(L, hole_note(L, k, c, R_CALL_RESULT), r);
}

/* ---- lvalues and assignment ---- */

static struct hole
store_hole(struct lower *L, CXCursor lhs, CXCursor base, int global)
{
	struct tu *tu = L->tu;
	struct func *fn = L->fn;
	const char *key = cx_text(tu, lhs);
	struct pos pos = cx_pos(tu, lhs);
	struct store *st = arena_alloc(&tu->arena, sizeof *st);
	st->block = -1;
	st->key = key;
	st->pos = pos;
	st->text = key;
	st->region = L->region;
	st->mem = graph_loc(tu, fn, LOC_STORE, key, pos);
	st->mem->is_ptr = 1;
	st->mem->region = L->region;
	if (!global) {
		st->base = graph_loc(tu, fn, LOC_TEMP, cx_text(tu, base), cx_pos(tu, base));
		st->base->is_ptr = 1;
		st->base->region = L->region;
		lower_expr(L, base, (struct hole){.dst = st->base});
	}
	pv_push(&fn->stores, st);
	return (struct hole){.dst = st->mem};
}

/* The hole for storing into lhs; *var is set to the local written, if
 * the store writes a whole local variable. */
static struct hole
lvalue_at(struct lower *L, CXCursor top, CXCursor lhs, struct location **var)
{
	CXCursor e = cx_strip(lhs);
	int n;
	*var = NULL;
	int ptrish = cx_type_has_pointers(clang_getCursorType(top));
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr: {
		struct location *loc = declref_loc(L, e);
		if (!loc)
			return blank;
		if (loc->kind == LOC_HEAP)
			return ptrish ? store_hole(L, top, e, 1) : blank;
		*var = loc;
		return (struct hole){.dst = loc};
	}
	case CXCursor_MemberRefExpr: {
		CXCursor *k = kids_of(e, &n);
		struct hole h = blank;
		if (n >= 1) {
			CXCursor base = k[0];
			if (ckind(base) == CXType_Pointer)
				h = ptrish ? store_hole(L, top, base, 0) : (lower_expr(L, base, blank), blank);
			else {
				struct location *dummy;
				h = lvalue_at(L, top, base, &dummy);
				if (dummy)
					graph_event(L->tu, L->fn, EV_READ, dummy, NULL, cx_pos(L->tu, e), L->region);
			}
		}
		free(k);
		return h;
	}
	case CXCursor_ArraySubscriptExpr: {
		CXCursor *k = kids_of(e, &n);
		struct hole h = blank;
		if (n == 2) {
			CXCursor base = k[0], idx = k[1];
			if (ckind(base) != CXType_Pointer && ckind(idx) == CXType_Pointer) {
				base = k[1];
				idx = k[0];
			}
			lower_expr(L, idx, blank);
			CXCursor sb = cx_strip(base);
			CXCursor inner[1];
			if (clang_getCursorKind(sb) == CXCursor_UnexposedExpr &&
			    cx_children(sb, inner, 1) == 1 && is_array_object(inner[0])) {
				struct location *dummy;
				h = lvalue_at(L, top, inner[0], &dummy);
				if (dummy)
					graph_event(L->tu, L->fn, EV_READ, dummy, NULL, cx_pos(L->tu, e), L->region);
			} else {
				h = ptrish ? store_hole(L, top, base, 0) : (lower_expr(L, base, blank), blank);
			}
		}
		free(k);
		return h;
	}
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref) {
			CXCursor k[1];
			if (cx_children(e, k, 1) == 1) {
				if (ptrish)
					return store_hole(L, top, k[0], 0);
				lower_expr(L, k[0], blank);
			}
		}
		return blank;
	default:
		lower_expr(L, e, blank);
		return blank;
	}
}

static struct hole
lvalue(struct lower *L, CXCursor lhs, struct location **var)
{
	return lvalue_at(L, lhs, lhs, var);
}

struct hole
lower_lvalue(struct lower *L, CXCursor lhs)
{
	struct location *var;
	return lvalue(L, lhs, &var);
}

/* Was var given a parameter's value (long *p = prior; p--; ...)? Then
 * its caller still holds the old block, as with the parameter itself. */
static int
copies_param(struct location *var)
{
	for (struct def *d = var->defs; d; d = d->next)
		for (int i = 0; i < d->nvars; i++)
			if (d->vars[i]->kind == LOC_PARAM)
				return 1;
	return 0;
}

/* p = realloc(p, n), s->data = realloc(s->data, n): the same lvalue on
 * both sides. (A by-value parameter is excluded by the caller: its
 * caller still holds the old pointer.) */
static int
same_lvalue(struct lower *L, CXCursor lhs, struct call *c)
{
	const char *l = cx_text(L->tu, cx_strip(lhs));
	const char *t = c->text;
	/* the first argument's text follows "realloc(" */
	const char *open = strchr(t, '(');
	if (!open)
		return 0;
	size_t n = strlen(l);
	return !strncmp(open + 1, l, n) && (open[1 + n] == ',' || open[1 + n] == ')');
}

/* The allocation's pointer first lands in lhs: name the array it could
 * be after it (a field's name for s.data = malloc(8)) and its type. */
static void
name_receiver(struct lower *L, struct location *site, CXCursor lhs, struct location *var)
{
	CXCursor e = cx_strip(lhs);
	if (var && clang_getCursorKind(e) == CXCursor_DeclRefExpr)
		return;		/* a plain variable: named when lowered */
	CXType t = clang_getCanonicalType(clang_getCursorType(lhs));
	if (t.kind != CXType_Pointer)
		return;
	CXType pt = clang_getPointeeType(t);
	enum CXTypeKind pk = clang_getCanonicalType(pt).kind;
	CXString ps = clang_getTypeSpelling(clang_getPointeeType(clang_getCursorType(lhs)));
	site->elem_type = arena_strdup(&L->tu->arena, pk == CXType_Void ? "unsigned char" : clang_getCString(ps));
	site->elem_size = pk == CXType_Void ? 1 : clang_Type_getSizeOf(pt);
	clang_disposeString(ps);
	if (clang_getCursorKind(e) == CXCursor_MemberRefExpr)
		site->sym = cx_spelling(L->tu, e);
}

static void
assign(struct lower *L, CXCursor stmt, CXCursor lhs, CXCursor rhs, enum reason why, int kill)
{
	struct tu *tu = L->tu;
	struct location *var;
	int nstores = L->fn->stores.n, start = L->fn->nseq;
	struct hole k = lvalue(L, lhs, &var);
	if (k.dst && L->notes)
		k.notes = graph_note(tu, NULL, cx_pos(tu, stmt), cx_text(tu, stmt), why);
	if (k.dst && !k.dst->is_ptr)
		k = blank;
	if (k.dst && is_float(ckind(lhs)))
		k = blank;
	lower_expr(L, rhs, k);
	if (var && is_int(ckind(lhs)) && lower_int_carries_ptr(L, rhs))
		var->ptr_int = 1;
	if (kill) {
		int weak, dk = cfg_lvalue_key(L, lhs, &weak), sk = cfg_value_key(L, rhs);
		if (cfg_is_temp(L, sk))
			for (int i = L->fn->calls.n - 1; i >= 0; i--) {
				struct call *c = L->fn->calls.v[i];
				if (c->dst_key != sk)
					continue;
				if (c->alloc_site)
					name_receiver(L, c->alloc_site, lhs, var);
				if (c->alloc_site && c->callee_name && c->nargs > 0 &&
				    strstr(c->callee_name, "realloc") && same_lvalue(L, lhs, c) &&
				    !(var && (var->kind == LOC_PARAM || copies_param(var))))
					c->alloc_site->realloc_self = 1;
				break;
			}
		if (dk >= 0 && dk != sk) {
			struct op *o = cfg_op(L, OP_ASSIGN, dk, sk, stmt);
			o->weak = weak;
			o->move = cfg_is_temp(L, sk);
		} else if (dk < 0 && sk >= 0) {
			cfg_op(L, OP_ESCAPE, -1, sk, stmt);
		} else if (dk < 0 && cfg_lvalue_key(L, lhs, &weak) < 0 &&
			   cx_type_has_pointers(clang_getCursorType(lhs))) {
			cfg_escape_all(L, rhs);	/* g->items[i] = wrap(p) */
		}
	}
	if (var && !kill)
		graph_event(tu, L->fn, EV_WRITE, var, NULL, cx_pos(tu, lhs), L->region)->weak = 1;
	if (var && kill) {
		graph_event(tu, L->fn, EV_WRITE, var, NULL, cx_pos(tu, lhs), L->region)->start = start;
		struct def *d = lower_def(L, rhs);
		d->next = var->defs;
		var->defs = d;
	}
	if (L->fn->stores.n > nstores) {
		struct store *st = L->fn->stores.v[L->fn->stores.n - 1];
		struct op *o = cfg_op(L, OP_STORE, -1, -1, stmt);
		o->text = st->key;
		st->block = L->cur;
		st->op = L->fn->blocks[L->cur].nops - 1;
		st->seq = L->fn->nseq;
		graph_event(tu, L->fn, EV_STORE, NULL, st->key, st->pos, L->region);
	}
}

void
lower_assign(struct lower *L, CXCursor lhs, CXCursor rhs, enum reason why,
	     struct pos stmt_pos, const char *stmt_text)
{
	assign(L, lhs, lhs, rhs, why, 1);
}

/* ---- integers that hold pointers ---- */

static enum CXChildVisitResult
carries_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct lower *L = ((void **)d)[0];
	int *found = ((void **)d)[1];
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_CStyleCastExpr || k == CXCursor_UnexposedExpr) {
		CXCursor kids[2];
		int n = cx_children(c, kids, 2);
		for (int i = 0; i < n && i < 2; i++)
			if (is_expr(kids[i]) && is_int(ckind(c)) &&
			    (ckind(kids[i]) == CXType_Pointer || is_array(ckind(kids[i])))) {
				*found = 1;
				return CXChildVisit_Break;
			}
	}
	if (k == CXCursor_DeclRefExpr) {
		CXCursor r = clang_getCursorReferenced(c);
		struct location *loc = lower_lookup(L, r);
		if (loc && loc->ptr_int) {
			*found = 1;
			return CXChildVisit_Break;
		}
	}
	if (k == CXCursor_UnaryExpr)	/* sizeof */
		return CXChildVisit_Continue;
	return CXChildVisit_Recurse;
}

/* Can this integer expression hold a pointer's bits: a cast from a
 * pointer, or a variable that was given one? Go prunes scalars; C must
 * follow (uintptr_t)&x back to a pointer, and nothing else. */
int
lower_int_carries_ptr(struct lower *L, CXCursor e)
{
	int found = 0;
	void *d[2] = {L, &found};
	if (carries_visit(e, e, d) == CXChildVisit_Recurse)
		clang_visitChildren(e, carries_visit, d);
	return found;
}

/* ---- scalar definitions, for size traces ---- */

struct defscan {
	struct lower *L;
	struct ptrvec vars;
	int reads;
};

static enum CXChildVisitResult
defscan_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct defscan *s = d;
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr: {
		CXCursor r = clang_getCursorReferenced(c);
		enum CXCursorKind k = clang_getCursorKind(r);
		if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl) {
			struct location *loc = lower_lookup(s->L, r);
			if (loc && loc->kind != LOC_HEAP) {
				for (int i = 0; i < s->vars.n; i++)
					if (s->vars.v[i] == loc)
						return CXChildVisit_Continue;
				pv_push(&s->vars, loc);
			} else {
				s->reads++;	/* a global */
			}
		}
		return CXChildVisit_Continue;
	}
	case CXCursor_CallExpr:
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		s->reads++;
		return CXChildVisit_Recurse;
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref)
			s->reads++;
		return CXChildVisit_Recurse;
	case CXCursor_UnaryExpr:	/* sizeof: no run-time value */
		return CXChildVisit_Continue;
	default:
		return CXChildVisit_Recurse;
	}
}

struct def *
lower_def(struct lower *L, CXCursor e)
{
	struct tu *tu = L->tu;
	struct def *d = arena_alloc(&tu->arena, sizeof *d);
	struct defscan s = {L, {0}, 0};
	d->pos = cx_pos(tu, e);
	d->text = cx_text(tu, e);
	defscan_visit(e, e, &s) == CXChildVisit_Recurse ? (void)clang_visitChildren(e, defscan_visit, &s) : (void)0;
	d->why = s.reads ? R_READ : R_COMPUTATION;
	d->nvars = s.vars.n;
	d->vars = arena_alloc(&tu->arena, sizeof *d->vars * (size_t)(s.vars.n ? s.vars.n : 1));
	for (int i = 0; i < s.vars.n; i++)
		d->vars[i] = s.vars.v[i];
	pv_free(&s.vars);
	return d;
}

/* ---- expressions ---- */

static void
lower_children(struct lower *L, CXCursor e, struct hole k)
{
	int n;
	CXCursor *kids = kids_of(e, &n);
	for (int i = 0; i < n; i++)
		if (is_expr(kids[i]))
			lower_expr(L, kids[i], k);
	free(kids);
}

static void
lower_binop(struct lower *L, CXCursor e, struct hole k)
{
	int n;
	CXCursor *kids = kids_of(e, &n);
	if (n != 2) {
		lower_children(L, e, blank);
		free(kids);
		return;
	}
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
	enum CXTypeKind rk = ckind(e);
	switch (op) {
	case CXBinaryOperator_Assign:
		assign(L, e, kids[0], kids[1], R_ASSIGN, 1);
		if (k.dst)
			lower_expr(L, kids[0], k);
		break;
	case CXBinaryOperator_Comma:
		lower_expr(L, kids[0], blank);
		lower_expr(L, kids[1], hole_note(L, k, e, R_COMMA));
		break;
	case CXBinaryOperator_Add:
	case CXBinaryOperator_Sub:
		if (rk == CXType_Pointer) {
			for (int i = 0; i < 2; i++) {
				enum CXTypeKind ok = ckind(kids[i]);
				if (ok == CXType_Pointer || is_array(ok))
					lower_expr(L, kids[i], hole_note(L, k, e, R_POINTER_ARITH));
				else
					lower_expr(L, kids[i], blank);
			}
			break;
		}
		if (op == CXBinaryOperator_Sub && ckind(kids[0]) == CXType_Pointer) {
			lower_expr(L, kids[0], blank);	/* p - q: a distance */
			lower_expr(L, kids[1], blank);
			break;
		}
		/* integers may carry pointer bits */
		/* fall through */
	case CXBinaryOperator_And:
	case CXBinaryOperator_Or:
	case CXBinaryOperator_Xor:
		if (is_float(rk)) {
			lower_expr(L, kids[0], blank);
			lower_expr(L, kids[1], blank);
			break;
		}
		lower_expr(L, kids[0], hole_note(L, k, e, R_COMPUTATION));
		lower_expr(L, kids[1], hole_note(L, k, e, R_COMPUTATION));
		break;
	default:
		if (op >= CXBinaryOperator_MulAssign && op <= CXBinaryOperator_OrAssign) {
			/* reached only for CompoundAssignOperator cursors */
			int carries = op == CXBinaryOperator_AddAssign || op == CXBinaryOperator_SubAssign ||
				      op == CXBinaryOperator_AndAssign || op == CXBinaryOperator_OrAssign ||
				      op == CXBinaryOperator_XorAssign;
			if (carries && ckind(kids[1]) != CXType_Pointer && ckind(kids[0]) == CXType_Pointer)
				carries = 0;	/* p += n stays in p's object */
			if (carries)
				assign(L, e, kids[0], kids[1], R_COMPOUND_ASSIGN, 0);
			else {
				lower_expr(L, kids[0], blank);
				lower_expr(L, kids[1], blank);
				CXCursor v = cx_strip(kids[0]);
				struct location *loc = clang_getCursorKind(v) == CXCursor_DeclRefExpr
					? declref_loc(L, v) : NULL;
				if (loc && (loc->kind == LOC_VAR || loc->kind == LOC_PARAM))
					graph_event(L->tu, L->fn, EV_WRITE, loc, NULL, cx_pos(L->tu, e),
						    L->region)->weak = 1;
			}
			if (k.dst)
				lower_expr(L, kids[0], k);
			break;
		}
		lower_expr(L, kids[0], blank);
		lower_expr(L, kids[1], blank);
		break;
	}
	free(kids);
}

static void
lower_stmt_expr(struct lower *L, CXCursor e, struct hole k)
{
	CXCursor body[1];
	if (cx_children(e, body, 1) != 1)
		return;
	int n;
	CXCursor *kids = kids_of(body[0], &n);
	int saved = lower_region_push(L, REG_BLOCK);
	for (int i = 0; i < n; i++) {
		if (i == n - 1 && is_expr(kids[i]))
			lower_expr(L, kids[i], hole_note(L, k, e, R_STMT_EXPR));
		else
			lower_stmt(L, kids[i]);
	}
	lower_region_pop(L, saved);
	free(kids);
}

void
lower_expr(struct lower *L, CXCursor e, struct hole k)
{
	struct tu *tu = L->tu;
	int n;
	CXCursor kid[2];

	/* a scalar carries nothing (Go's rule), unless its address is taken
	 * or it is an integer holding a pointer's bits */
	if (k.dst && k.derefs >= 0 && is_float(ckind(e)))
		k = blank;
	if (k.dst && k.derefs >= 0 && !k.int_checked && is_int(ckind(e))) {
		if (lower_int_carries_ptr(L, e))
			k.int_checked = 1;
		else
			k = blank;
	}
	if (is_va_arg(e)) {
		/* va_arg(ap, T): a copy of the next variadic argument, not an
		 * address inside ap */
		CXCursor *vk = kids_of(e, &n);
		for (int i = 0; i < n; i++)
			if (is_expr(vk[i]))
				lower_expr(L, vk[i], blank);
		free(vk);
		hole_flow(L, hole_note(L, k, e, R_READ), L->fn->varargs);
		return;
	}
	switch (clang_getCursorKind(e)) {
	case CXCursor_ParenExpr:
		if (cx_children(e, kid, 1) == 1)
			lower_expr(L, kid[0], k);
		break;
	case CXCursor_UnexposedExpr:
		n = cx_children(e, kid, 2);
		if (n == 1) {
			enum CXTypeKind from = ckind(kid[0]), to = ckind(e);
			if (to == CXType_Pointer && is_array(from) && is_array_object(kid[0]))
				lower_expr(L, kid[0], hole_addr(hole_note(L, k, e, R_ARRAY_DECAY)));
			else
				lower_expr(L, kid[0], k);
		} else {
			lower_children(L, e, k);
		}
		break;
	case CXCursor_DeclRefExpr: {
		struct location *loc = declref_loc(L, e);
		if (!loc)
			break;
		if (loc->kind == LOC_VAR || loc->kind == LOC_PARAM)
			graph_event(tu, L->fn, EV_READ, loc, NULL, cx_pos(tu, e), L->region);
		hole_flow(L, k, loc);
		break;
	}
	case CXCursor_UnaryOperator:
		if (cx_children(e, kid, 1) != 1)
			break;
		switch (clang_getCursorUnaryOperatorKind(e)) {
		case CXUnaryOperator_AddrOf:
			lower_expr(L, kid[0], hole_addr(hole_note(L, k, e, R_ADDRESS_OF)));
			break;
		case CXUnaryOperator_Deref:
			lower_expr(L, kid[0], hole_deref(hole_note(L, k, e, R_INDIRECTION)));
			break;
		case CXUnaryOperator_PostInc:
		case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc:
		case CXUnaryOperator_PreDec: {
			lower_expr(L, kid[0], k);
			CXCursor v = cx_strip(kid[0]);
			struct location *loc = clang_getCursorKind(v) == CXCursor_DeclRefExpr ? declref_loc(L, v) : NULL;
			if (loc && (loc->kind == LOC_VAR || loc->kind == LOC_PARAM))
				graph_event(tu, L->fn, EV_WRITE, loc, NULL, cx_pos(tu, e), L->region)->weak = 1;
			break;
		}
		case CXUnaryOperator_Extension:
		case CXUnaryOperator_Plus:
		case CXUnaryOperator_Real:
		case CXUnaryOperator_Imag:
			lower_expr(L, kid[0], k);
			break;
		default:
			lower_expr(L, kid[0], blank);
			break;
		}
		break;
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		lower_binop(L, e, k);
		break;
	case CXCursor_ConditionalOperator: {
		CXCursor *kids = kids_of(e, &n);
		if (n == 3) {
			lower_expr(L, kids[0], blank);
			for (int i = 1; i < 3; i++) {
				int saved = lower_region_push(L, REG_COND);
				lower_expr(L, kids[i], hole_note(L, k, e, R_CONDITIONAL));
				lower_region_pop(L, saved);
			}
		} else {
			lower_children(L, e, hole_note(L, k, e, R_CONDITIONAL));
		}
		free(kids);
		break;
	}
	case CXCursor_CStyleCastExpr: {
		CXCursor *kids = kids_of(e, &n);
		struct hole h = hole_note(L, k, e, R_CAST);
		for (int i = 0; i < n; i++)
			if (is_expr(kids[i]))
				lower_expr(L, kids[i], h);
		free(kids);
		break;
	}
	case CXCursor_MemberRefExpr:
		if (cx_children(e, kid, 1) == 1) {
			if (ckind(kid[0]) == CXType_Pointer)
				lower_expr(L, kid[0], hole_deref(hole_note(L, k, e, R_ARROW)));
			else
				lower_expr(L, kid[0], hole_note(L, k, e, R_DOT));
		}
		break;
	case CXCursor_ArraySubscriptExpr:
		if (cx_children(e, kid, 2) == 2) {
			CXCursor base = kid[0], idx = kid[1];
			if (ckind(base) != CXType_Pointer && ckind(idx) == CXType_Pointer) {
				base = kid[1];
				idx = kid[0];
			}
			CXCursor sb = cx_strip(base), inner[1];
			int arr = clang_getCursorKind(sb) == CXCursor_UnexposedExpr &&
				  cx_children(sb, inner, 1) == 1 && is_array_object(inner[0]);
			lower_expr(L, idx, blank);
			lower_expr(L, base, hole_deref(hole_note(L, k, e, arr ? R_ARRAY_INDEX : R_POINTER_INDEX)));
		}
		break;
	case CXCursor_CallExpr:
		lower_call(L, e, k);
		break;
	case CXCursor_CompoundLiteralExpr: {
		const char *text = cx_text(tu, e);
		int tl = (int)strcspn(text, "{");
		while (tl > 0 && text[tl - 1] == ' ')
			tl--;
		struct location *c = graph_loc(tu, L->fn, LOC_COMPLIT,
			arena_printf(&tu->arena, "compound literal %.*s{...}", tl, text),
			cx_pos(tu, e));
		c->sym = "(compound-literal)";
		c->region = L->region;
		c->is_ptr = 1;
		CXCursor *kids = kids_of(e, &n);
		for (int i = 0; i < n; i++)
			if (is_expr(kids[i]))
				lower_expr(L, kids[i], (struct hole){.dst = c,
					.notes = L->notes ? graph_note(tu, NULL, cx_pos(tu, e), text,
								       R_COMPOUND_LITERAL) : NULL});
		free(kids);
		hole_flow(L, hole_note(L, k, e, R_COMPOUND_LITERAL), c);
		break;
	}
	case CXCursor_InitListExpr:
		lower_children(L, e, k);
		break;
	case CXCursor_GenericSelectionExpr: {
		/* _Generic: the controlling expression is not evaluated; the
		 * value is one association, the one whose type is the result's */
		CXCursor *kids = kids_of(e, &n);
		CXType rt = clang_getCanonicalType(clang_getCursorType(e));
		int first = 1, matched = 0;
		for (int pass = 0; pass < 2 && !matched; pass++)
			for (int i = 0, seen = 0; i < n; i++) {
				if (!is_expr(kids[i]) || !seen++)
					continue;	/* the controlling expression */
				int same = clang_equalTypes(rt, clang_getCanonicalType(clang_getCursorType(kids[i])));
				if (pass == 1 || same) {
					lower_expr(L, kids[i], k);
					matched |= same;
				}
			}
		(void)first;
		free(kids);
		break;
	}
	case CXCursor_StmtExpr:
		lower_stmt_expr(L, e, k);
		break;
	case CXCursor_StringLiteral:
	case CXCursor_IntegerLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_ImaginaryLiteral:
	case CXCursor_UnaryExpr:	/* sizeof, _Alignof: not evaluated */
		break;
	default:
		lower_children(L, e, k);
		break;
	}
}
