/*
 * ec.h: the one internal header of escape-check.
 *
 * The model (after Go's cmd/compile/internal/escape, see docs/design.md):
 * every object that can hold or be pointed to is a *location*; every
 * assignment of a value is an *edge* dst <- src weighted by derefs (-1 for
 * &x, 0 for a copy, +1 for *p). Each edge carries notes saying where and
 * why it was made, so the solver's predecessor chain prints as a trace.
 *
 * Layering: only cx.c, lower.c and lower_expr.c include clang-c/Index.h.
 * They turn a translation unit into `struct tu` (functions, locations,
 * edges, calls, events); everything after that (callgraph, calls, solve,
 * check, diag, reports, dumps) works on these types alone and can be
 * tested without a parser.
 *
 * Memory: everything belonging to a translation unit comes from its arena
 * and is freed at once when the unit is done.
 *
 * Sections below follow the .c files.
 */
#ifndef EC_H
#define EC_H

#include <stddef.h>
#include <stdio.h>

/* ---- util.c --------------------------------------------------------- */

extern const char *ec_progname;

/* A failure of the tool or its input: message to stderr, exit 2. A
 * format ending in ':' gets strerror(errno) appended. */
_Noreturn void fatal(const char *fmt, ...);
/* A broken invariant: a bug report with its location, then abort. */
#define bug(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void bug_at(const char *file, int line, const char *fmt, ...);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Bump allocator: many small objects, freed together. */
struct arena {
	struct arena_block *head;
};
void *arena_alloc(struct arena *a, size_t n);	/* zeroed */
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...);
void arena_free(struct arena *a);

/* Growable string. */
struct strbuf {
	char *s;
	size_t len, cap;
};
void sb_add(struct strbuf *b, const char *s);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_printf(struct strbuf *b, const char *fmt, ...);
void sb_free(struct strbuf *b);

/* Growable array of pointers. */
struct ptrvec {
	void **v;
	int n, cap;
};
void pv_push(struct ptrvec *pv, void *p);
void pv_free(struct ptrvec *pv);

/* Writes s to f with control characters and invalid bytes escaped, so
 * nothing from the input reaches a terminal raw. */
/* Length of the UTF-8 sequence at p (at most n bytes), 0 if invalid. */
int utf8_len(const unsigned char *p, size_t n);
void put_safe(FILE *f, const char *s);
/* The display path of name (relative to dir if relative) for a user whose
 * working directory is cwd. Result is malloc'd. */
char *path_display(const char *cwd, const char *dir, const char *name);

/* ---- diag.def ------------------------------------------------------- */

enum severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

enum diag_code {
#define DIAG(e, code, sev, bugc, lvl, desc) e,
#include "diag.def"
#undef DIAG
	DIAG__COUNT
};

enum reason {
#define REASON(e, text) e,
#include "diag.def"
#undef REASON
	R__COUNT
};

struct diag_info {
	const char *code;
	enum severity severity;
	int bug_class;
	int min_level;
	const char *description;
};
extern const struct diag_info diag_table[DIAG__COUNT];

/* What a code means, for reports that explain it (SARIF rules). */
struct diag_doc {
	const char *name;	/* PascalCase rule name */
	const char *precision;	/* SARIF's: very-high, high, medium, low */
	const char *tags;	/* separated by spaces */
	const char *summary;	/* one short line */
	const char *help;	/* what it means and what to do */
};
extern const struct diag_doc diag_doc[DIAG__COUNT];
extern const char *const reason_text[R__COUNT];
const char *severity_name(enum severity s);

/* ---- the graph (graph.c) --------------------------------------------- */

/* A position in the user's source: file as displayed, 1-based line and
 * column (bytes), and the end of the construct (exclusive column). */
struct pos {
	const char *file;
	int line, col;
	int eline, ecol;
};

/* A note on an edge: where the flow happened and why. */
struct note {
	struct pos pos;
	const char *where;	/* source text of the construct */
	enum reason why;
	struct note *next;	/* innermost first */
};

enum loc_kind {
	LOC_HEAP,	/* {heap}: globals, statics, the caller's memory */
	LOC_UNKNOWN,	/* {unknown}: what a body-less function may keep */
	LOC_RESULT,	/* ~r0, the function's result */
	LOC_PARAM,	/* a parameter (by value: an automatic object) */
	LOC_VAR,	/* an automatic local variable or array */
	LOC_COMPLIT,	/* a compound literal with automatic storage */
	LOC_ALLOCA,	/* a block from alloca() */
	LOC_ALLOC,	/* a heap allocation site: malloc, calloc, ... */
	LOC_TEMP,	/* a call's argument or result, a store's base */
	LOC_STORE,	/* the memory a store *p = v writes into */
	LOC_PCONTENT,	/* *p for a parameter p: the caller's memory */
};

/* Escape level: how far a location's address gets. NONE stays in the
 * frame; UNKNOWN reaches a function we cannot see (a conservative fact);
 * PROVEN reaches memory that provably outlives the frame. */
enum esc_level { ESC_NONE, ESC_UNKNOWN, ESC_PROVEN };

struct edge {
	struct location *src;
	int derefs;		/* -1 address, 0 copy, n loads */
	int seq;		/* event sequence number of the flow */
	struct note *notes;
};

/* A recorded explanation: the chain of edges from an object to a root. */
struct path {
	int n;
	struct location **from;	/* from[i] --edge[i]--> from[i+1] or root */
	struct edge **edge;
	struct location *root;
};

/* Where a scalar's value comes from: for VLA and alloca size traces. */
struct def {
	struct pos pos;
	const char *text;
	enum reason why;
	struct location **vars;	/* variables the value reads */
	int nvars;
	struct def *next;
};

struct location {
	int id;
	enum loc_kind kind;
	const char *name;	/* as printed in flow lines */
	const char *sym;	/* JSON symbol */
	struct pos pos;
	struct func *fn;
	int region;		/* innermost region (block) at the declaration */
	unsigned is_ptr : 1;	/* pointer-bearing type (for sinks, params) */
	unsigned is_const : 1;	/* const-qualified scalar (VLA trace) */
	unsigned addr_taken : 1;
	unsigned ptr_int : 1;	/* an integer that holds a pointer's bits */
	unsigned call_result : 1;	/* LOC_TEMP: a call's value */
	int param_index;	/* LOC_PARAM */
	/* allocation / alloca / VLA sites */
	const char *site_text;	/* "malloc(n)" */
	const char *elem_type;	/* what the receiving pointer points to */
	long long elem_size;
	/* ownership verdict (own.c) */
	unsigned leaked : 1, freed_all : 1, realloc_self : 1;
	unsigned outlives_iteration : 1;	/* a loop keeps several blocks alive */
	unsigned reallocated : 1;	/* passed to realloc: cannot be an array */
	int size_known;			/* 0: nothing known of the size (a wrapper) */
	int leak_kind;		/* 0 return, 1 overwritten, 2 end of statement */
	struct pos leak_pos;
	const char *leak_text, *leak_holder;
	struct pos alloc_pos;
	const char *alloc_text, *alloc_holder;
	struct pos free_pos;
	const char *free_text;
	int size_const;		/* size is an integer constant expression */
	long long size;		/* its value when size_const */
	struct def *size_def;	/* where a run-time size comes from */
	struct def *defs;	/* assignments to this scalar variable */

	struct edge *in;	/* incoming edges */
	int nin, capin;

	/* solver state */
	int derefs, walkgen;
	struct location *dst;
	struct edge *dst_edge;
	int queued;
	enum esc_level level;
	struct path *why_escapes;	/* path that set level */
	/* parameter summary being built: min derefs, or LEAK_NONE */
	int leak_heap, leak_unknown, leak_result;
	struct path *why_heap, *why_unknown, *why_result;
	/* parameters: leaks into what another parameter points to */
	struct location *content;	/* this parameter's LOC_PCONTENT */
	int *leak_to;			/* per parameter j: min derefs into *j */
	struct path **why_to;
};

#define LEAK_NONE 1000000

/* Regions: blocks and conditionally executed parts of a function, in a
 * tree. Region 0 is the function's outermost block. */
enum region_kind { REG_BLOCK, REG_COND, REG_LOOP };
struct region {
	enum region_kind kind;
	int parent;
	int start_seq, end_seq;
	int loop_body;		/* a block that is directly a loop's body */
};

/* Events in source order, for the flow-sensitive parts of the checks. */
enum event_kind { EV_READ, EV_WRITE, EV_STORE, EV_JUMP };
struct event {
	enum event_kind kind;
	int seq;
	int start;		/* EV_WRITE: seq when its right-hand side began */
	int region;
	struct location *var;	/* EV_READ / EV_WRITE */
	unsigned weak : 1;	/* EV_WRITE that changes but does not replace (p++) */
	const char *key;	/* EV_STORE: the lvalue text, *p or g */
	struct pos pos;
};

/* A call, recorded by lowering, wired by calls.c once the callee is
 * summarised. */
struct call {
	struct pos pos;
	const char *text;
	const char *callee_name;	/* NULL through a function pointer */
	const char *callee_usr;		/* for summaries from other files */
	struct func *callee;		/* defined in this TU, else NULL */
	struct model *model;		/* the C library model, else NULL */
	unsigned via_pointer : 1;
	unsigned callee_has_proto : 1;
	int nargs;
	struct location **args;		/* temporaries holding each argument */
	unsigned char *arg_is_ptr;
	unsigned char *arg_noescape;	/* __attribute__((noescape)) */
	unsigned char *arg_deep;	/* what the argument points to holds pointers */
	struct location *result;	/* the call's value, or NULL */
	int seq, region;
	/* ownership (own.c) */
	int *arg_key;			/* key of each argument's value, or -1 */
	unsigned char *arg_addr_of;	/* the argument is &key */
	int dst_key;			/* temporary key holding the result */
	struct location *alloc_site;	/* LOC_ALLOC for an allocating call */
	struct location *recv;		/* the local that first receives the result */
	int args_const;			/* all integer arguments are constants */
	long long args_product;		/* their product */
	unsigned char *arg_is_const;	/* argument i is an integer constant */
	long long *arg_const;		/* its value */
	unsigned noreturn : 1;
};

/* ---- the control-flow graph, for ownership (own.c) ----
 *
 * Ops track which *keys* (local variables, fields of local structs,
 * temporaries for call results) hold the pointer of each allocation.
 */
enum op_kind {
	OP_ASSIGN,	/* dst = src (src -1: something that is not a holder) */
	OP_CALL,	/* a call: its effects depend on the callee */
	OP_ESCAPE,	/* src leaves the function's hands (store, capture) */
	OP_RETURN,	/* return src (-1: nothing we track) */
	OP_DROP,	/* end of statement: temporary src is gone */
	OP_STORE,	/* a store to global or pointed-to memory, lvalue in text */
};
struct op {
	enum op_kind kind;
	int dst, src;
	unsigned weak : 1;	/* OP_ASSIGN into one of many (array element) */
	unsigned move : 1;	/* OP_ASSIGN from a temporary */
	unsigned lost : 1;	/* OP_DROP of a value nobody used */
	unsigned null_value : 1;	/* OP_RETURN of a null constant */
	unsigned scope_end : 1;	/* OP_ASSIGN killing a local at its block's end */
	struct call *call;
	struct pos pos;
	const char *text;
};
struct bblock {
	struct op *ops;
	int nops, capops;
	int succ[2], nsucc;
	int test_key;		/* the block ends in a null test of this key */
	int null_succ;		/* successor taken when it is NULL, or -1 */
};

/* A store through a pointer, *base = v: resolved to what base points to
 * before solving. */
struct store {
	int block, op;		/* its OP_STORE in the CFG, or block -1 */
	struct location *mem;	/* LOC_STORE: receives v */
	struct location *base;	/* LOC_TEMP: holds the pointer */
	const char *key;
	struct pos pos;
	const char *text;
	int seq, region;
};

/* A global store g = v: undone if g is overwritten before every return. */
struct gstore {
	struct edge *edge;	/* the edge into {heap} */
	struct location *from;	/* its destination ({heap}) */
	const char *key;
	int seq, region;
};

struct func {
	int index;		/* source order */
	const char *name;
	const char *usr;
	struct pos pos;
	unsigned in_main_file : 1;
	unsigned defined : 1;
	unsigned variadic : 1;
	unsigned returns_ptr : 1;
	struct location *heap, *unknown, *result;
	struct location **params;
	int nparams;
	struct location *varargs;	/* "...": what va_arg yields, if variadic */
	struct ptrvec locs;		/* all locations of the function */
	struct ptrvec calls;		/* struct call * */
	struct ptrvec stores;		/* struct store * */
	struct ptrvec gstores;		/* struct gstore * */
	struct ptrvec vlas;		/* struct location * with size_def */
	struct region *regions;
	int nregions, capregions;
	struct event *events;
	int nevents, capevents;
	int *seq_region;		/* graph_region_at's table, built on use */
	int nseq;
	/* call graph */
	int scc, lowlink, dfsnum, onstack;
	unsigned summarized : 1;
	/* block-scope findings found by the solver */
	struct ptrvec block_escapes;	/* struct block_escape * */
	/* control flow and ownership */
	struct bblock *blocks;
	int nblocks, capblocks;
	struct ptrvec keys;		/* const char *: holder names */
	unsigned returns_fresh : 1;	/* every return is a new allocation or NULL */
	unsigned own_done : 1;
	unsigned char *frees;		/* per parameter: freed on every path */
	struct pos end_pos;		/* the closing brace */
};

struct block_escape {
	struct location *root, *obj;
	struct path *path;
};

struct tu {
	struct arena arena;
	const char *main_file;	/* as displayed */
	struct ptrvec funcs;	/* struct func *, source order */
	int nlocs;
	struct ptrvec order;	/* batches: funcs in bottom-up SCC order */
	int *batch_start;	/* order index where each batch starts */
	int nbatches;
};

struct location *graph_loc(struct tu *tu, struct func *fn, enum loc_kind k,
			   const char *name, struct pos pos);
/* Adds dst <- src with derefs and notes; ignores blank and self-edges. */
struct edge *graph_flow(struct tu *tu, struct location *dst, int derefs,
			struct location *src, struct note *notes, int seq);
struct note *graph_note(struct tu *tu, struct note *next, struct pos pos,
			const char *where, enum reason why);
int region_is_ancestor(struct func *fn, int anc, int r);	/* or equal */
int graph_region_at(struct func *fn, int seq);
struct event *graph_event(struct tu *tu, struct func *fn, enum event_kind k,
			  struct location *var, const char *key, struct pos pos,
			  int region);

/* ---- model.c ---------------------------------------------------------- */

/* What a C library function does with its arguments (models/libc.json). */
struct model {
	const char *name;
	unsigned alloc : 1;	/* result is a fresh heap allocation */
	unsigned stack : 1;	/* result is a fresh stack block (alloca) */
	unsigned long long frees;	/* bit i: frees argument i */
	unsigned long long returns;	/* bit i: result points into arg i */
	unsigned long long escapes;	/* bit i: arg i leaks to {heap} */
	unsigned long long thread;	/* bit i: arg i handed to a thread */
	int size_arg[2];		/* size arguments, -1 if none */
	int ncopies;
	int (*copies)[2];		/* {src, dst}: *src copied into *dst */
	int nstores;
	int (*stores)[2];		/* {src, dst}: src stored into *dst */
	struct model *next;
};
void model_load(const char *path);
struct model *model_find(const char *name);
void model_free_all(void);

/* ---- cx.c (libclang boundary) ---------------------------------------- */

struct options {
	int level;		/* -m level */
	enum { FMT_TEXT, FMT_GCC, FMT_JSON, FMT_SARIF } format;
	int color;		/* escape sequences in the text formats */
	const char *resource_dir;
	const char *compdb_dir;
	const char **clang_args;
	int nclang_args;
	const char *dump;	/* -d letters */
	int quiet;		/* first pass of a multi-file run: no output */
	const char *cwd;
};
extern struct options opt;

/* Parses one file and lowers it into tu; returns 0, or -1 when the file
 * could not be parsed (clang's errors already reported). */
int cx_analyze_file(const char *file, struct tu *tu);
/* -p DIR with no FILE: every file of DIR/compile_commands.json (malloc'd). */
void cx_compdb_files(const char *dir, struct ptrvec *out);
/* Parse text (len bytes, not copied: keep it until the parse) in place
 * of the file named file, which need not exist; cx_analyze_file uses it
 * when given exactly that name. NULL file: none. */
void cx_set_unsaved(const char *file, const char *text, size_t len);
const char *cx_clang_version(void);	/* static string */
void cx_shutdown(void);

/* ---- summary.c: summaries across translation units ------------------ */
void summary_save(struct tu *tu);
int summary_known(const char *usr);
int summary_frees(const char *usr, int param);
int summary_fresh(const char *usr);
int summary_lookup(const char *usr, int param, int *heap, int *unknown, int *result);
int summary_lookup_to(const char *usr, int param, int j, int *to);
void summary_free_all(void);
char *summary_write(void);		/* JSON, malloc'd: for -j workers */
int summary_read(const char *text);	/* merges it; 0 if malformed */

/* ---- parallel.c: -j N ---------------------------------------------- */
int parallel_analyze(const char **files, int nfiles, int n);

/* ---- merge.c: --merge ------------------------------------------------ */
void merge_files(const char **files, int n);

/* ---- callgraph.c ----------------------------------------------------- */
void callgraph_order(struct tu *tu);

/* ---- calls.c ------------------------------------------------------- */
void calls_wire(struct tu *tu, struct func *fn, int batch);

/* ---- solve.c ---------------------------------------------------------- */
void solve_stores(struct tu *tu, struct func **fns, int n);
void solve_batch(struct tu *tu, struct func **fns, int n);
struct path *solve_path(struct tu *tu, struct location *from,
			struct location *root);

/* ---- own.c ----------------------------------------------------------- */
void own_batch(struct tu *tu, struct func **fns, int n);

/* ---- check.c ------------------------------------------------------- */
void check_tu(struct tu *tu);
/* Build traces: -1 decide from -m level and format, 1 always, 0 never. */
extern int check_traces;
int check_want_traces(void);

/* ---- diag.c -------------------------------------------------------- */
enum step_kind { STEP_FLOW, STEP_FROM };
struct step {
	enum step_kind kind;
	struct pos pos;
	char *text;
};
struct diag {
	enum diag_code code;
	struct pos pos;
	char *message;
	char *function;
	char *symbol;
	int fn_index;
	int order;		/* tie-break within a position */
	struct step *steps;
	int nsteps, capsteps;
};
struct diag *diag_add(enum diag_code code, struct pos pos, const char *fn,
		      int fn_index, const char *symbol, const char *fmt, ...);
void diag_step(struct diag *d, enum step_kind k, struct pos pos,
	       const char *fmt, ...);
struct pos pos_copy(struct pos p);	/* file name made permanent */
void diag_sort(void);
int diag_count(void);
struct diag *diag_get(int i);
int diag_bug_count(void);

/* Which findings the reports show: by -m level (the default), always
 * (--enable) or never (--disable). */
enum code_state { CODE_BY_LEVEL, CODE_ON, CODE_OFF };
void diag_set_state(enum diag_code c, enum code_state s);
int diag_shown(const struct diag *d, int level);
/* Shown findings that make the exit status 1: bug-class ones when
 * min_severity < 0, else those of at least that severity. */
int diag_failures(int level, int min_severity);

/* The text of the files findings are in, read once (or registered, for
 * standard input) under the name positions carry. NULL if unreadable. */
void diag_source_set(const char *file, const char *text, size_t len);
const char *diag_source_text(const char *file, size_t *len);
/* Line (1-based) without its end of line; NULL if there is none. */
const char *diag_source_line(const char *file, int line, size_t *len);
void diag_free_all(void);

/* Tool errors about the input (clang's errors), kept for JSON. */
void diag_error(const char *file, int line, int col, const char *msg);
int diag_nerrors(void);
void diag_get_error(int i, const char **file, int *line, int *col,
		    const char **msg);

/* ---- report_text.c, report_json.c --------------------------------------- */
void report_text(FILE *out, int level);
void report_json(FILE *out, int level);
/* gcc's format: a line per finding, a note per trace step (report_gcc.c);
 * SARIF 2.1.0 (report_sarif.c). */
void report_gcc(FILE *out, int level);
void report_sarif(FILE *out, int level);
/* One diagnostic as a JSON object of the "diagnostics" array. */
struct cJSON *report_json_diag(const struct diag *d);

/* ---- main.c, lsp.c --------------------------------------------------- */
/* One translation unit, start to finish: parse, lower, solve, check. The
 * findings go to diag.c's list; 0, or -1 when the file did not parse. */
int analyze(const char *file);
/* escape-check --lsp: a language server on stdin/stdout; the status to
 * exit with. Called once the options and models are set up. */
int lsp_main(void);

/* ---- dump.c ---------------------------------------------------------- */
void dump_tu(FILE *out, struct tu *tu, const char *letters);

#endif
