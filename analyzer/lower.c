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

/* USRs of called functions, by canonical cursor: computing a USR is a
 * walk through clang's tables, too slow to repeat at every call. */
static struct {
	CXCursor cur;
	const char *usr;
} *usr_cache;
static int usr_cap, usr_n;

const char *
lower_usr(struct lower *L, CXCursor decl)
{
	CXCursor c = clang_getCanonicalCursor(decl);
	unsigned h = clang_hashCursor(c);
	if ((usr_n + 1) * 2 > usr_cap) {
		int oldcap = usr_cap;
		__typeof__(usr_cache) old = usr_cache;
		usr_cap = usr_cap ? usr_cap * 2 : 256;
		usr_cache = xcalloc((size_t)usr_cap, sizeof *usr_cache);
		for (int i = 0; i < oldcap; i++)
			if (old[i].usr) {
				unsigned j = clang_hashCursor(old[i].cur) & (unsigned)(usr_cap - 1);
				while (usr_cache[j].usr)
					j = (j + 1) & (unsigned)(usr_cap - 1);
				usr_cache[j] = old[i];
			}
		free(old);
	}
	unsigned j = h & (unsigned)(usr_cap - 1);
	while (usr_cache[j].usr) {
		if (clang_equalCursors(usr_cache[j].cur, c))
			return usr_cache[j].usr;
		j = (j + 1) & (unsigned)(usr_cap - 1);
	}
	usr_cache[j].cur = c;
	usr_cache[j].usr = usr_of(L->tu, c);
	usr_n++;
	return usr_cache[j].usr;
}

/* The function defined in this TU that decl names, or NULL. */
struct func *
lower_func_of(struct lower *L, CXCursor decl)
{
	const char *usr = lower_usr(L, decl);
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
	if (ct.kind == CXType_Pointer) {
		CXType pt = clang_getPointeeType(ct);
		CXString ps = clang_getTypeSpelling(clang_getPointeeType(t));
		long long sz = clang_Type_getSizeOf(pt);
		enum CXTypeKind pk = clang_getCanonicalType(pt).kind;
		loc->elem_type = arena_strdup(&tu->arena, pk == CXType_Void ? "unsigned char" : clang_getCString(ps));
		loc->elem_size = pk == CXType_Void ? 1 : sz;
		clang_disposeString(ps);
	}

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
		if (L->notes)
			k.notes = graph_note(tu, NULL, pos, cx_text(tu, c), R_INIT);
		lower_expr(L, init, k);
		if (!is_array_kind(ct.kind)) {
			loc->defs = lower_def(L, init);
			loc->defs->text = cx_text(tu, c);
			loc->defs->pos = pos;
		}
		if (ct.kind != CXType_Pointer && lower_int_carries_ptr(L, init))
			loc->ptr_int = 1;
		int sk = cfg_value_key(L, init);
		struct op *o = cfg_op(L, OP_ASSIGN, cfg_key(L, name), sk, c);
		o->move = cfg_is_temp(L, sk);
		/* __attribute__((cleanup(f))): f gets the variable at scope end */
		if (cx_has_attr(L->ctu, c, "cleanup"))
			cfg_op(L, OP_ESCAPE, -1, cfg_key(L, name), c);
	}
	graph_event(tu, fn, EV_WRITE, loc, NULL, pos, L->region)->start = start;
}

/* ---- statements ---- */

/* At the end of a block, its pointer locals die: for the ownership pass,
 * a block they alone held is lost there. */
static void
kill_block_locals(struct lower *L, int first_loc, CXCursor block)
{
	struct func *fn = L->fn;
	if (L->cur < 0)
		return;
	for (int i = first_loc; i < fn->locs.n; i++) {
		struct location *l = fn->locs.v[i];
		if (l->kind != LOC_VAR || l->region != L->region || !l->elem_type)
			continue;
		int k = cfg_key(L, l->name);
		struct op *o = cfg_op(L, OP_ASSIGN, k, -1, block);
		o->scope_end = 1;
		struct pos p = cx_pos(L->tu, block);
		o->pos = p;
		o->pos.line = p.eline;
		o->pos.col = p.ecol > 1 ? p.ecol - 1 : 1;
		o->text = "}";
	}
}

static void
lower_body(struct lower *L, CXCursor s, int loop_body)
{
	if (clang_getCursorKind(s) == CXCursor_CompoundStmt) {
		int saved = lower_region_push(L, REG_BLOCK);
		int first = L->fn->locs.n;
		L->fn->regions[L->region].loop_body = loop_body;
		int n = cx_children(s, NULL, 0);
		CXCursor *all = xmalloc(sizeof *all * (size_t)(n ? n : 1));
		cx_children(s, all, n);
		for (int i = 0; i < n; i++)
			lower_stmt(L, all[i]);
		free(all);
		kill_block_locals(L, first, s);
		lower_region_pop(L, saved);
	} else {
		/* a loop or if body is a block even without braces (C11 6.8.4p3,
		 * 6.8.5p5): a compound literal in it dies at its end */
		int saved = lower_region_push(L, REG_BLOCK);
		L->fn->regions[L->region].loop_body = loop_body;
		lower_stmt(L, s);
		lower_region_pop(L, saved);
	}
}

/* A switch body: what follows a case label runs only for that case, so
 * each label opens a conditional region that lasts to the next one, and a
 * block of its own in the CFG, entered from the switch and by fallthrough. */
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

/* Which part of `for (init; cond; inc) body` each child is: libclang
 * visits only the parts present, so find the two semicolons of the
 * header in the tokens and compare offsets. Returns 0 init, 1 cond,
 * 2 inc, 3 body for each of the n children. */
static void
for_parts(struct lower *L, CXCursor s, CXCursor *kids, int n, int *part)
{
	CXToken *toks;
	unsigned nt;
	unsigned semi[2] = {0, 0}, close = 0;
	int ns = 0, depth = 0;
	/* the header only: tokenizing the body too would cost a pass over
	 * every nested loop again */
	CXSourceRange r = clang_getCursorExtent(s);
	if (n > 0)
		r = clang_getRange(clang_getRangeStart(r), clang_getRangeStart(clang_getCursorExtent(kids[n - 1])));
	clang_tokenize(L->ctu, r, &toks, &nt);
	for (unsigned i = 0; i < nt; i++) {
		CXString t = clang_getTokenSpelling(L->ctu, toks[i]);
		const char *x = clang_getCString(t);
		unsigned off;
		clang_getExpansionLocation(clang_getTokenLocation(L->ctu, toks[i]), NULL, NULL, NULL, &off);
		if (!strcmp(x, "("))
			depth++;
		else if (!strcmp(x, ")") && --depth == 0)
			close = off;
		else if (!strcmp(x, ";") && depth == 1 && ns < 2)
			semi[ns++] = off;
		clang_disposeString(t);
		if (close)
			break;
	}
	clang_disposeTokens(L->ctu, toks, nt);
	for (int i = 0; i < n; i++) {
		unsigned off;
		clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(kids[i])),
					   NULL, NULL, NULL, &off);
		if (i == n - 1 || !close || ns < 2)
			part[i] = i == n - 1 ? 3 : 0;
		else
			part[i] = off < semi[0] ? 0 : off < semi[1] ? 1 : off < close ? 2 : 3;
	}
}

/* A controlling expression: lowered, then its null test (if any) is
 * recorded on the block before the statement's temporaries are dropped,
 * so the test can name a call's result. */
static void
lower_cond(struct lower *L, CXCursor cond)
{
	int t0 = L->ntemps;
	lower_expr(L, cond, (struct hole){0});
	if (L->cur < 0)
		L->cur = cfg_block(L);
	cfg_null_test(L, cond, 0);
	cfg_stmt_end(L, t0, 0, cond);
	if (L->cur < 0)
		L->cur = cfg_block(L);
}

static void
lower_loop(struct lower *L, CXCursor s)
{
	enum CXCursorKind k = clang_getCursorKind(s);
	int n = cx_children(s, NULL, 0);
	CXCursor *all = xmalloc(sizeof *all * (size_t)(n ? n : 1));
	cx_children(s, all, n);
	int *part = xmalloc(sizeof *part * (size_t)(n ? n : 1));
	int saved = lower_region_push(L, REG_LOOP);
	int obrk = L->brk, ocont = L->cont;
	int exit = cfg_block(L);

	if (k == CXCursor_DoStmt) {
		int body = cfg_block(L), cond = cfg_block(L);
		cfg_jump(L, body);
		L->cur = body;
		L->brk = exit;
		L->cont = cond;
		if (n > 0)
			lower_body(L, all[0], 1);
		cfg_jump(L, cond);
		L->cur = cond;
		long long v;
		if (n > 1 && cx_eval_int(all[1], &v) && v == 0) {
			lower_cond(L, all[1]);	/* do { ... } while (0): runs once */
			cfg_jump(L, exit);
		} else if (n > 1) {
			lower_cond(L, all[1]);
			cfg_jump(L, body);
			cfg_jump(L, exit);
		} else {
			cfg_jump(L, body);
		}
	} else {
		if (k == CXCursor_ForStmt)
			for_parts(L, s, all, n, part);
		else
			for (int i = 0; i < n; i++)
				part[i] = i == n - 1 ? 3 : 1;
		int has_cond = 0;
		for (int i = 0; i < n; i++)
			if (part[i] == 0) {
				if (clang_getCursorKind(all[i]) == CXCursor_DeclStmt)
					lower_stmt(L, all[i]);
				else
					lower_cond(L, all[i]);
			}
		int head = cfg_block(L), body = cfg_block(L), inc = cfg_block(L);
		cfg_jump(L, head);
		L->cur = head;
		for (int i = 0; i < n; i++)
			if (part[i] == 1) {
				if (clang_getCursorKind(all[i]) == CXCursor_DeclStmt)
					lower_stmt(L, all[i]);
				else
					lower_cond(L, all[i]);
				has_cond = 1;
			}
		if (L->cur < 0)
			L->cur = cfg_block(L);
		cfg_jump(L, body);
		if (has_cond)
			cfg_jump(L, exit);
		L->cur = body;
		L->brk = exit;
		L->cont = inc;
		for (int i = 0; i < n; i++)
			if (part[i] == 3)
				lower_body(L, all[i], 1);
		cfg_jump(L, inc);
		L->cur = inc;
		for (int i = 0; i < n; i++)
			if (part[i] == 2)
				lower_cond(L, all[i]);
		cfg_jump(L, head);
	}
	L->cur = exit;
	L->brk = obrk;
	L->cont = ocont;
	lower_region_pop(L, saved);
	free(part);
	free(all);
}

static int
is_call(CXCursor e)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(e);
		CXCursor kid[2];
		int n = cx_children(e, kid, 2);
		if ((k == CXCursor_UnexposedExpr || k == CXCursor_ParenExpr) && n == 1)
			e = kid[0];
		else if (k == CXCursor_CStyleCastExpr && n >= 1 &&
			 clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Void)
			e = kid[n - 1];	/* (void)malloc(64) */
		else
			return k == CXCursor_CallExpr;
	}
}

void
lower_stmt(struct lower *L, CXCursor s)
{
	struct tu *tu = L->tu;
	struct func *fn = L->fn;
	CXCursor kids[4];
	int n, saved, t0 = L->ntemps;
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
		cfg_stmt_end(L, t0, 0, s);
		break;
	case CXCursor_ReturnStmt: {
		n = cx_children(s, kids, 1);
		int key = -1, null = 0;
		if (n == 1) {
			struct hole k = blank;
			if (fn->returns_ptr) {
				k.dst = fn->result;
				if (L->notes)
					k.notes = graph_note(tu, NULL, cx_pos(tu, s), cx_text(tu, s), R_RETURN);
			}
			lower_expr(L, kids[0], k);
			key = cfg_value_key(L, kids[0]);
			null = cfg_is_null(kids[0]);
			/* return c ? strdup(a) : strdup(b): what we cannot follow
			 * may leave with the result; an int result takes nothing */
			if (key < 0 && !null && fn->returns_ptr)
				cfg_escape_all(L, kids[0]);
		}
		graph_event(tu, fn, EV_JUMP, NULL, "return", cx_pos(tu, s), L->region);
		cfg_op(L, OP_RETURN, -1, key, s)->null_value = null;
		L->ntemps = t0;
		L->cur = -1;
		break;
	}
	case CXCursor_IfStmt: {
		n = cx_children(s, kids, 4);
		if (n < 2)
			break;
		CXCursor cond = kids[n == 2 ? 0 : n - 3];
		lower_cond(L, cond);
		int then = cfg_block(L), els = n >= 3 ? cfg_block(L) : -1, join = cfg_block(L);
		cfg_jump(L, then);
		cfg_jump(L, els >= 0 ? els : join);
		L->cur = then;
		saved = lower_region_push(L, REG_COND);
		lower_body(L, kids[n == 2 ? 1 : n - 2], 0);
		lower_region_pop(L, saved);
		cfg_jump(L, join);
		if (n >= 3) {
			L->cur = els;
			saved = lower_region_push(L, REG_COND);
			lower_body(L, kids[n - 1], 0);
			lower_region_pop(L, saved);
			cfg_jump(L, join);
		}
		L->cur = join;
		break;
	}
	case CXCursor_WhileStmt:
	case CXCursor_ForStmt:
	case CXCursor_DoStmt:
		lower_loop(L, s);
		break;
	case CXCursor_SwitchStmt: {
		n = cx_children(s, kids, 4);
		if (n < 2)
			break;
		lower_cond(L, kids[n - 2]);
		int osw = L->sw, odef = L->sw_default, obrk = L->brk;
		int exit = cfg_block(L);
		L->sw = L->cur;
		L->sw_default = 0;
		L->brk = exit;
		L->cur = -1;	/* the body is entered only at its labels */
		saved = lower_region_push(L, REG_COND);
		lower_switch_body(L, kids[n - 1]);
		lower_region_pop(L, saved);
		cfg_jump(L, exit);
		if (!L->sw_default) {
			L->cur = L->sw;
			cfg_jump(L, exit);
		}
		L->cur = exit;
		L->sw = osw;
		L->sw_default = odef;
		L->brk = obrk;
		break;
	}
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		if (L->sw >= 0) {
			int b = cfg_block(L), here = L->cur;
			cfg_jump(L, b);		/* fallthrough */
			L->cur = L->sw;
			cfg_jump(L, b);
			L->cur = b;
			(void)here;
			if (clang_getCursorKind(s) == CXCursor_DefaultStmt)
				L->sw_default = 1;
		}
		n = cx_children(s, kids, 4);
		if (n > 0)
			lower_stmt(L, kids[n - 1 < 3 ? n - 1 : 3]);
		break;
	case CXCursor_LabelStmt: {
		int b = cfg_label(L, cx_spelling(tu, s));
		cfg_jump(L, b);
		L->cur = b;
		n = cx_children(s, kids, 4);
		if (n > 0)
			lower_stmt(L, kids[n - 1 < 3 ? n - 1 : 3]);
		break;
	}
	case CXCursor_GotoStmt:
		n = cx_children(s, kids, 1);
		graph_event(tu, fn, EV_JUMP, NULL, "jump", cx_pos(tu, s), L->region);
		if (n == 1)
			cfg_jump(L, cfg_label(L, cx_spelling(tu, kids[0])));
		L->cur = -1;
		break;
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt:
		graph_event(tu, fn, EV_JUMP, NULL, "jump", cx_pos(tu, s), L->region);
		cfg_jump(L, clang_getCursorKind(s) == CXCursor_BreakStmt ? L->brk : L->cont);
		L->cur = -1;
		break;
	case CXCursor_IndirectGotoStmt:
		graph_event(tu, fn, EV_JUMP, NULL, "jump", cx_pos(tu, s), L->region);
		lower_children_stmts(L, s);
		L->cur = -1;
		break;
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
		break;
	default:
		if (is_expr(s)) {
			lower_expr(L, s, blank);
			cfg_stmt_end(L, t0, is_call(s), s);
		} else {
			lower_children_stmts(L, s);
		}
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
	L.brk = L.cont = L.sw = -1;
	L.notes = check_want_traces();
	lower_region_push(&L, REG_BLOCK);	/* region 0: the frame */
	L.cur = cfg_block(&L);			/* block 0: the entry */

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
	if (fn->variadic) {
		/* the variadic arguments: one parameter-like location that
		 * va_arg reads from, so its summary travels to callers */
		fn->varargs = graph_loc(tu, fn, LOC_PARAM, "...", fn->pos);
		fn->varargs->is_ptr = 1;
		fn->varargs->param_index = np;
		fn->varargs->region = 0;
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
		struct pos bp = cx_pos(tu, all[i]);
		fn->end_pos = bp;
		fn->end_pos.line = bp.eline;
		fn->end_pos.col = bp.ecol > 1 ? bp.ecol - 1 : 1;
		/* the body shares region 0: its locals die with the frame */
		int m = cx_children(all[i], NULL, 0);
		CXCursor *st = xmalloc(sizeof *st * (size_t)(m ? m : 1));
		cx_children(all[i], st, m);
		for (int j = 0; j < m; j++)
			lower_stmt(&L, st[j]);
		free(st);
	}
	free(all);
	if (L.cur >= 0)
		cfg_op(&L, OP_RETURN, -1, -1, clang_getNullCursor());	/* falling off the end */
	lower_region_pop(&L, -1);
	free(L.map);
	free(L.labels);
	free(L.keyhash);
	free(L.temps);
	free(L.callkeys);
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
	free(usr_cache);	/* the strings are in the TU's arena */
	usr_cache = NULL;
	usr_cap = usr_n = 0;
}
