/*
 * lower.c: turns each function definition of a translation unit into our
 * own graph: locations for parameters, locals and results; statements
 * walked in source order; regions for blocks, branches and loops; events
 * (reads, writes, stores, jumps) numbered in that order.
 *
 * The graph itself is flow-insensitive, as Go's is: an assignment adds an
 * edge, whatever the order. The regions and events are what lets check.c
 * be flow-sensitive where a bug claim needs proof: a store undone before
 * return, a pointer into a block used after the block ends.
 *
 * Expressions are lowered in lower_expr.c.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"

/* ---- functions of the translation unit, by USR ---- */

struct fmap {
	const char **key;
	struct func **val;
	int cap, n;
};
static struct fmap funcs_by_usr;

static unsigned
hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct func **
fmap_slot(struct fmap *m, const char *key)
{
	if (m->n * 2 >= m->cap) {
		struct fmap old = *m;
		m->cap = m->cap ? m->cap * 2 : 256;
		m->key = xcalloc((size_t)m->cap, sizeof *m->key);
		m->val = xcalloc((size_t)m->cap, sizeof *m->val);
		m->n = 0;
		for (int i = 0; i < old.cap; i++)
			if (old.key[i]) {
				*fmap_slot(m, old.key[i]) = old.val[i];
			}
		free(old.key);
		free(old.val);
	}
	unsigned i = hash_str(key) & (unsigned)(m->cap - 1);
	while (m->key[i] && strcmp(m->key[i], key))
		i = (i + 1) & (unsigned)(m->cap - 1);
	if (!m->key[i]) {
		m->key[i] = key;
		m->n++;
	}
	return &m->val[i];
}

static struct func *
fmap_get(struct fmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	unsigned i = hash_str(key) & (unsigned)(m->cap - 1);
	while (m->key[i]) {
		if (!strcmp(m->key[i], key))
			return m->val[i];
		i = (i + 1) & (unsigned)(m->cap - 1);
	}
	return NULL;
}

static const char *
usr_of(struct tu *tu, CXCursor c)
{
	CXString s = clang_getCursorUSR(c);
	const char *r = arena_strdup(&tu->arena, clang_getCString(s));
	clang_disposeString(s);
	return r;
}

/* The function defined in this TU that decl names, or NULL. */
struct func *
lower_func_of(struct lower *L, CXCursor decl)
{
	const char *usr = usr_of(L->tu, decl);
	return usr[0] ? fmap_get(&funcs_by_usr, usr) : NULL;
}

/* ---- locals, by cursor ---- */

static void
map_put(struct lower *L, CXCursor c, struct location *loc)
{
	if (L->mapn * 2 >= L->mapcap) {
		int oldcap = L->mapcap;
		__typeof__(L->map) old = L->map;
		L->mapcap = oldcap ? oldcap * 2 : 64;
		L->map = xcalloc((size_t)L->mapcap, sizeof *L->map);
		L->mapn = 0;
		for (int i = 0; i < oldcap; i++)
			if (old[i].loc)
				map_put(L, old[i].cur, old[i].loc);
		free(old);
	}
	unsigned i = clang_hashCursor(c) & (unsigned)(L->mapcap - 1);
	while (L->map[i].loc && !clang_equalCursors(L->map[i].cur, c))
		i = (i + 1) & (unsigned)(L->mapcap - 1);
	if (!L->map[i].loc)
		L->mapn++;
	L->map[i].cur = c;
	L->map[i].loc = loc;
}

struct location *
lower_lookup(struct lower *L, CXCursor decl)
{
	if (!L->mapcap)
		return NULL;
	unsigned i = clang_hashCursor(decl) & (unsigned)(L->mapcap - 1);
	while (L->map[i].loc) {
		if (clang_equalCursors(L->map[i].cur, decl))
			return L->map[i].loc;
		i = (i + 1) & (unsigned)(L->mapcap - 1);
	}
	return NULL;
}

/* ---- regions ---- */

int
lower_region_push(struct lower *L, enum region_kind k)
{
	struct func *fn = L->fn;
	if (fn->nregions == fn->capregions) {
		fn->capregions = fn->capregions ? fn->capregions * 2 : 16;
		fn->regions = xrealloc(fn->regions, sizeof *fn->regions * (size_t)fn->capregions);
	}
	struct region *r = &fn->regions[fn->nregions];
	memset(r, 0, sizeof *r);
	r->kind = k;
	r->parent = L->region;
	r->start_seq = fn->nseq++;
	r->end_seq = -1;
	int saved = L->region;
	L->region = fn->nregions++;
	return saved;
}

void
lower_region_pop(struct lower *L, int saved)
{
	L->fn->regions[L->region].end_seq = L->fn->nseq++;
	L->region = saved;
}

/* ---- declarations ---- */

static int
is_expr(CXCursor c)
{
	return clang_isExpression(clang_getCursorKind(c));
}

static int
is_array_kind(enum CXTypeKind k)
{
	return k == CXType_ConstantArray || k == CXType_IncompleteArray ||
	       k == CXType_VariableArray || k == CXType_DependentSizedArray;
}

static void
lower_vardecl(struct lower *L, CXCursor c)
{
	struct tu *tu = L->tu;
	struct func *fn = L->fn;
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(c);
	CXCursor kids[8];
	int nk = cx_children(c, kids, 8);
	CXCursor init = clang_getNullCursor();
	for (int i = 0; i < nk && i < 8; i++)
		if (is_expr(kids[i]))
			init = kids[i];

	if (sc == CX_SC_Static || sc == CX_SC_Extern || clang_getCursorTLSKind(c) != CXTLS_None) {
		/* static storage: never on the stack; like a global, it is {heap} */
		map_put(L, c, fn->heap);
		return;
	}
	CXType t = clang_getCursorType(c);
	CXType ct = clang_getCanonicalType(t);
	struct pos pos = cx_pos(tu, c);
	const char *name = cx_spelling(tu, c);
	struct location *loc = graph_loc(tu, fn, LOC_VAR, name, pos);
	loc->region = L->region;
	loc->is_ptr = ct.kind != CXType_Float && ct.kind != CXType_Double &&
		      ct.kind != CXType_LongDouble;
	loc->is_const = clang_isConstQualifiedType(t) != 0;
	map_put(L, c, loc);

	if (ct.kind == CXType_VariableArray) {
		/* a VLA: its size expressions are the children (no initializer) */
		struct def *head = NULL, **tail = &head;
		for (int i = 0; i < nk && i < 8; i++) {
			if (!is_expr(kids[i]))
				continue;
			lower_expr(L, kids[i], (struct hole){0});
			*tail = lower_def(L, kids[i]);
			tail = &(*tail)->next;
		}
		if (!head) {
			/* the size sits in a typedef: show the type */
			head = arena_alloc(&tu->arena, sizeof *head);
			CXString ts = clang_getTypeSpelling(t);
			head->text = arena_strdup(&tu->arena, clang_getCString(ts));
			clang_disposeString(ts);
			head->pos = pos;
			head->why = R_NONCONST_SIZE;
		}
		loc->size_def = head;
		loc->site_text = name;
		pv_push(&fn->vlas, loc);
		return;
	}
	int start = fn->nseq;
	if (!clang_Cursor_isNull(init)) {
		struct hole k = {.dst = loc};
		k.notes = graph_note(tu, NULL, pos, arena_printf(&tu->arena, "%s", cx_text(tu, c)), R_INIT);
		lower_expr(L, init, k);
		if (!is_array_kind(ct.kind)) {
			loc->defs = lower_def(L, init);
			loc->defs->text = cx_text(tu, c);
			loc->defs->pos = pos;
		}
		if (ct.kind != CXType_Pointer && lower_int_carries_ptr(L, init))
			loc->ptr_int = 1;
	}
	graph_event(tu, fn, EV_WRITE, loc, NULL, pos, L->region)->start = start;
}

/* ---- statements ---- */

static void
lower_body(struct lower *L, CXCursor s, int loop_body)
{
	if (clang_getCursorKind(s) == CXCursor_CompoundStmt) {
		int saved = lower_region_push(L, REG_BLOCK);
		L->fn->regions[L->region].loop_body = loop_body;
		CXCursor kids[1];
		int n = cx_children(s, kids, 0);
		CXCursor *all = xmalloc(sizeof *all * (size_t)(n ? n : 1));
		cx_children(s, all, n);
		for (int i = 0; i < n; i++)
			lower_stmt(L, all[i]);
		free(all);
		lower_region_pop(L, saved);
	} else {
		lower_stmt(L, s);
	}
}

/* A switch body: what follows a case label runs only for that case, so
 * each label opens a conditional region that lasts to the next one. */
static void
lower_switch_body(struct lower *L, CXCursor s)
{
	if (clang_getCursorKind(s) != CXCursor_CompoundStmt) {
		lower_stmt(L, s);
		return;
	}
	int saved = lower_region_push(L, REG_BLOCK), in_case = -1;
	int n = cx_children(s, NULL, 0);
	CXCursor *all = xmalloc(sizeof *all * (size_t)(n ? n : 1));
	cx_children(s, all, n);
	for (int i = 0; i < n; i++) {
		enum CXCursorKind k = clang_getCursorKind(all[i]);
		if (k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
			if (in_case >= 0)
				lower_region_pop(L, in_case);
			in_case = lower_region_push(L, REG_COND);
		}
		lower_stmt(L, all[i]);
	}
	if (in_case >= 0)
		lower_region_pop(L, in_case);
	free(all);
	lower_region_pop(L, saved);
}

static void
lower_children_stmts(struct lower *L, CXCursor s)
{
	int n = cx_children(s, NULL, 0);
	CXCursor *all = xmalloc(sizeof *all * (size_t)(n ? n : 1));
	cx_children(s, all, n);
	for (int i = 0; i < n; i++)
		lower_stmt(L, all[i]);
	free(all);
}

void
lower_stmt(struct lower *L, CXCursor s)
{
	struct tu *tu = L->tu;
	struct func *fn = L->fn;
	CXCursor kids[4];
	int n, saved;
	struct hole blank = {0};

	switch (clang_getCursorKind(s)) {
	case CXCursor_CompoundStmt:
		lower_body(L, s, 0);
		break;
	case CXCursor_DeclStmt:
		n = cx_children(s, NULL, 0);
		{
			CXCursor *all = xmalloc(sizeof *all * (size_t)(n ? n : 1));
			cx_children(s, all, n);
			for (int i = 0; i < n; i++)
				if (clang_getCursorKind(all[i]) == CXCursor_VarDecl)
					lower_vardecl(L, all[i]);
			free(all);
		}
		break;
	case CXCursor_ReturnStmt:
		n = cx_children(s, kids, 1);
		if (n == 1) {
			struct hole k = blank;
			if (fn->returns_ptr) {
				k.dst = fn->result;
				k.notes = graph_note(tu, NULL, cx_pos(tu, s), cx_text(tu, s), R_RETURN);
			}
			lower_expr(L, kids[0], k);
		}
		graph_event(tu, fn, EV_JUMP, NULL, "return", cx_pos(tu, s), L->region);
		break;
	case CXCursor_IfStmt:
		n = cx_children(s, kids, 4);
		if (n < 2)
			break;
		lower_expr(L, kids[n == 2 ? 0 : n - 3], blank);
		saved = lower_region_push(L, REG_COND);
		lower_body(L, kids[n == 2 ? 1 : n - 2], 0);
		lower_region_pop(L, saved);
		if (n >= 3) {
			saved = lower_region_push(L, REG_COND);
			lower_body(L, kids[n - 1], 0);
			lower_region_pop(L, saved);
		}
		break;
	case CXCursor_WhileStmt:
	case CXCursor_ForStmt:
	case CXCursor_DoStmt: {
		enum CXCursorKind k = clang_getCursorKind(s);
		n = cx_children(s, NULL, 0);
		CXCursor *all = xmalloc(sizeof *all * (size_t)(n ? n : 1));
		cx_children(s, all, n);
		saved = lower_region_push(L, REG_LOOP);
		int body = k == CXCursor_DoStmt ? 0 : n - 1;
		if (k == CXCursor_DoStmt && n > 0)
			lower_body(L, all[0], 1);
		for (int i = 0; i < n; i++) {
			if (i == body)
				continue;
			if (clang_getCursorKind(all[i]) == CXCursor_DeclStmt)
				lower_stmt(L, all[i]);
			else
				lower_expr(L, all[i], blank);
		}
		if (k != CXCursor_DoStmt && n > 0)
			lower_body(L, all[body], 1);
		lower_region_pop(L, saved);
		free(all);
		break;
	}
	case CXCursor_SwitchStmt:
		n = cx_children(s, kids, 4);
		if (n < 2)
			break;
		lower_expr(L, kids[n - 2], blank);
		saved = lower_region_push(L, REG_COND);
		lower_switch_body(L, kids[n - 1]);
		lower_region_pop(L, saved);
		break;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
	case CXCursor_LabelStmt:
		n = cx_children(s, kids, 4);
		if (n > 0)
			lower_stmt(L, kids[n - 1 < 3 ? n - 1 : 3]);
		break;
	case CXCursor_GotoStmt:
	case CXCursor_IndirectGotoStmt:
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt:
		graph_event(tu, fn, EV_JUMP, NULL, "jump", cx_pos(tu, s), L->region);
		break;
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
		break;
	default:
		if (is_expr(s))
			lower_expr(L, s, blank);
		else
			lower_children_stmts(L, s);
		break;
	}
}

/* ---- functions ---- */

static struct func *
new_func(struct tu *tu, CXCursor c)
{
	struct func *fn = arena_alloc(&tu->arena, sizeof *fn);
	fn->index = tu->funcs.n;
	fn->name = cx_spelling(tu, c);
	fn->usr = usr_of(tu, c);
	fn->pos = cx_loc_pos(tu, clang_getCursorLocation(c));
	fn->defined = 1;
	fn->in_main_file = clang_Location_isFromMainFile(clang_getCursorLocation(c)) != 0;
	CXType ft = clang_getCursorType(c);
	fn->variadic = clang_isFunctionTypeVariadic(ft) == 1;
	fn->returns_ptr = cx_type_has_pointers(clang_getResultType(ft)) ||
			  clang_getCanonicalType(clang_getResultType(ft)).kind == CXType_Pointer;
	pv_push(&tu->funcs, fn);
	*fmap_slot(&funcs_by_usr, fn->usr) = fn;
	return fn;
}

static void
lower_func(struct tu *tu, CXTranslationUnit ctu, struct func *fn, CXCursor c)
{
	struct lower L = {0};
	L.tu = tu;
	L.fn = fn;
	L.ctu = ctu;
	L.region = -1;
	lower_region_push(&L, REG_BLOCK);	/* region 0: the frame */

	struct pos fpos = fn->pos;
	fn->heap = graph_loc(tu, fn, LOC_HEAP, "{heap}", fpos);
	fn->unknown = graph_loc(tu, fn, LOC_UNKNOWN, "{unknown}", fpos);
	fn->result = graph_loc(tu, fn, LOC_RESULT, "~r0", fpos);
	fn->heap->level = ESC_PROVEN;
	fn->unknown->level = ESC_UNKNOWN;
	fn->result->is_ptr = fn->returns_ptr;

	int np = clang_Cursor_getNumArguments(c);
	if (np < 0)
		np = 0;
	fn->nparams = np;
	fn->params = arena_alloc(&tu->arena, sizeof *fn->params * (size_t)(np ? np : 1));
	for (int i = 0; i < np; i++) {
		CXCursor p = clang_Cursor_getArgument(c, (unsigned)i);
		const char *name = cx_spelling(tu, p);
		if (!name[0])
			name = arena_printf(&tu->arena, "~p%d", i);
		struct location *loc = graph_loc(tu, fn, LOC_PARAM, name, cx_pos(tu, p));
		CXType t = clang_getCanonicalType(clang_getCursorType(p));
		loc->is_ptr = is_array_kind(t.kind) || cx_type_has_pointers(t);
		loc->param_index = i;
		loc->region = 0;
		struct def *d = arena_alloc(&tu->arena, sizeof *d);
		d->pos = loc->pos;
		d->text = name;
		d->why = R_PARAMETER;
		loc->defs = d;
		fn->params[i] = loc;
		map_put(&L, p, loc);
	}
	/* what each pointer parameter points to: the caller's memory */
	for (int i = 0; i < np; i++) {
		struct location *p = fn->params[i];
		p->leak_to = arena_alloc(&tu->arena, sizeof *p->leak_to * (size_t)np);
		p->why_to = arena_alloc(&tu->arena, sizeof *p->why_to * (size_t)np);
		for (int j = 0; j < np; j++)
			p->leak_to[j] = LEAK_NONE;
		if (!p->is_ptr)
			continue;
		p->content = graph_loc(tu, fn, LOC_PCONTENT,
				       arena_printf(&tu->arena, "*%s", p->name), p->pos);
		p->content->level = ESC_PROVEN;
		p->content->param_index = i;
		p->content->is_ptr = 1;
	}

	int n = cx_children(c, NULL, 0);
	CXCursor *all = xmalloc(sizeof *all * (size_t)(n ? n : 1));
	cx_children(c, all, n);
	for (int i = 0; i < n; i++) {
		if (clang_getCursorKind(all[i]) != CXCursor_CompoundStmt)
			continue;
		/* the body shares region 0: its locals die with the frame */
		int m = cx_children(all[i], NULL, 0);
		CXCursor *st = xmalloc(sizeof *st * (size_t)(m ? m : 1));
		cx_children(all[i], st, m);
		for (int j = 0; j < m; j++)
			lower_stmt(&L, st[j]);
		free(st);
	}
	free(all);
	lower_region_pop(&L, -1);
	free(L.map);
}

struct collect_ctx {
	struct tu *tu;
	struct ptrvec cursors;
};

static enum CXChildVisitResult
collect_funcs(CXCursor c, CXCursor parent, CXClientData d)
{
	struct collect_ctx *cc = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
		return CXChildVisit_Recurse;
	if (k != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if (clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	CXCursor *copy = arena_alloc(&cc->tu->arena, sizeof *copy);
	*copy = c;
	pv_push(&cc->cursors, copy);
	new_func(cc->tu, c);
	return CXChildVisit_Continue;
}

void
lower_tu(struct tu *tu, CXTranslationUnit ctu)
{
	struct collect_ctx cc = {tu, {0}};
	clang_visitChildren(clang_getTranslationUnitCursor(ctu), collect_funcs, &cc);
	for (int i = 0; i < cc.cursors.n; i++)
		lower_func(tu, ctu, tu->funcs.v[i], *(CXCursor *)cc.cursors.v[i]);
	pv_free(&cc.cursors);
	free(funcs_by_usr.key);
	free(funcs_by_usr.val);
	memset(&funcs_by_usr, 0, sizeof funcs_by_usr);
}
