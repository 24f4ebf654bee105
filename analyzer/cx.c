/*
 * cx.c: the libclang boundary.
 *
 * It owns the CXIndex, parses one file at a time (with the arguments from
 * the command line or from compile_commands.json), shows clang's own
 * errors with their locations, and hands the translation unit to lower.c.
 * It also answers the small questions the lowering files ask of cursors:
 * position, source text, type facts. Every CXString is disposed next to
 * where it is made; the translation unit is disposed as soon as it has
 * been lowered, so nothing of libclang survives into the later passes.
 *
 * The resource directory (clang's builtin headers, stddef.h and friends)
 * is always passed explicitly: libclang's own guess depends on the
 * current directory (see docs/design.md).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <clang-c/CXCompilationDatabase.h>

#include "lower.h"

struct options opt;

static CXIndex the_index;
static const char *cur_dir;	/* directory of the compile command, or NULL */
static CXFile last_file;
static const char *last_name;
static const char *file_buf;	/* contents of last_file, for cx_text */
static size_t file_len;
static CXTranslationUnit cur_tu;

/* An in-memory buffer parsed in place of the file of that name (an
 * editor's unsaved text, standard input): libclang's CXUnsavedFile. */
static char *unsaved_name;
static const char *unsaved_text;
static size_t unsaved_len;

void
cx_set_unsaved(const char *file, const char *text, size_t len)
{
	free(unsaved_name);
	unsaved_name = file ? xstrdup(file) : NULL;
	unsaved_text = text;
	unsaved_len = len;
}

const char *
cx_clang_version(void)
{
	static char buf[256];
	if (!buf[0]) {
		CXString s = clang_getClangVersion();
		snprintf(buf, sizeof buf, "%s", clang_getCString(s));
		clang_disposeString(s);
	}
	return buf;
}

void
cx_shutdown(void)
{
	lower_free_attr_cache();
	if (the_index)
		clang_disposeIndex(the_index);
	the_index = NULL;
	cx_set_unsaved(NULL, NULL, 0);
}

/* The display name of a file, cached for the last file seen. */
static const char *
file_name(struct tu *tu, CXFile f)
{
	if (!f)
		return tu->main_file;
	if (last_file && clang_File_isEqual(f, last_file))
		return last_name;
	CXString s = clang_getFileName(f);
	char *d = path_display(opt.cwd, cur_dir, clang_getCString(s));
	clang_disposeString(s);
	last_name = arena_strdup(&tu->arena, d);
	free(d);
	last_file = f;
	file_buf = clang_getFileContents(cur_tu, f, &file_len);
	return last_name;
}

struct pos
cx_loc_pos(struct tu *tu, CXSourceLocation loc)
{
	struct pos p = {0};
	CXFile f;
	unsigned line, col;
	clang_getExpansionLocation(loc, &f, &line, &col, NULL);
	p.file = file_name(tu, f);
	p.line = (int)line;
	p.col = (int)col;
	p.eline = p.line;
	p.ecol = p.col + 1;
	return p;
}

struct pos
cx_pos(struct tu *tu, CXCursor c)
{
	struct pos p = cx_loc_pos(tu, clang_getCursorLocation(c));
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f;
	unsigned line, col, eline, ecol;
	clang_getExpansionLocation(clang_getRangeStart(r), &f, &line, &col, NULL);
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, &eline, &ecol, NULL);
	if (eline > (unsigned)p.line || (eline == (unsigned)p.line && ecol > (unsigned)p.col)) {
		p.eline = (int)eline;
		p.ecol = (int)ecol;
	}
	return p;
}

const char *
cx_spelling(struct tu *tu, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *r = arena_strdup(&tu->arena, clang_getCString(s));
	clang_disposeString(s);
	return r;
}

/* The source text of a cursor, whitespace folded to single spaces and
 * comments dropped; long texts are cut with "...", as Go does. */
const char *
cx_text(struct tu *tu, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f1, f2;
	unsigned o1, o2;
	clang_getExpansionLocation(clang_getRangeStart(r), &f1, NULL, NULL, &o1);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &o2);
	if (!f1 || !f2 || !clang_File_isEqual(f1, f2) || o2 < o1)
		return cx_spelling(tu, c);
	file_name(tu, f1);
	if (!file_buf || o2 > file_len)
		return cx_spelling(tu, c);
	if (o2 == o1) {
		/* a macro expansion: take the macro name */
		while (o2 < file_len && (isalnum((unsigned char)file_buf[o2]) || file_buf[o2] == '_'))
			o2++;
	}
	enum { MAX = 72 };
	char out[MAX + 8];
	size_t n = 0;
	int space = 0;
	for (unsigned i = o1; i < o2 && n < MAX; i++) {
		char ch = file_buf[i];
		if (ch == '/' && i + 1 < o2 && file_buf[i + 1] == '*') {
			const char *e = strstr(file_buf + i + 2, "*/");
			i = e ? (unsigned)(e - file_buf) + 1 : o2;
			space = 1;
			continue;
		}
		if (ch == '/' && i + 1 < o2 && file_buf[i + 1] == '/') {
			while (i < o2 && file_buf[i] != '\n')
				i++;
			space = 1;
			continue;
		}
		if (isspace((unsigned char)ch)) {
			space = 1;
			continue;
		}
		if (space && n)
			out[n++] = ' ';
		space = 0;
		out[n++] = ch;
	}
	if (n >= MAX) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = 0;
	return arena_strdup(&tu->arena, out);
}

static enum CXVisitorResult
field_has_ptr(CXCursor c, CXClientData d)
{
	if (cx_type_has_pointers(clang_getCursorType(c))) {
		*(int *)d = 1;
		return CXVisit_Break;
	}
	return CXVisit_Continue;
}

/* Can a value of this type carry a pointer? Integers can (uintptr_t
 * round trips); floating point cannot. */
int
cx_type_has_pointers(CXType t)
{
	t = clang_getCanonicalType(t);
	switch (t.kind) {
	case CXType_Pointer:
	case CXType_BlockPointer:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
	case CXType_DependentSizedArray:
		return 1;
	case CXType_ConstantArray:
		return cx_type_has_pointers(clang_getArrayElementType(t));
	case CXType_Record: {
		int has = 0;
		clang_Type_visitFields(t, field_has_ptr, &has);
		return has;
	}
	case CXType_Atomic:
		return cx_type_has_pointers(clang_Type_getValueType(t));
	default:
		return 0;
	}
}

struct kids {
	CXCursor *out;
	int n, max;
};

static enum CXChildVisitResult
collect(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kids *k = d;
	if (k->n < k->max)
		k->out[k->n] = c;
	k->n++;
	return CXChildVisit_Continue;
}

/* The children of c: up to max stored, the count returned. */
int
cx_children(CXCursor c, CXCursor *out, int max)
{
	struct kids k = {out, 0, max};
	clang_visitChildren(c, collect, &k);
	return k.n;
}

/* Through parentheses and one-child unexposed expressions (implicit
 * casts), but not through an array-to-pointer decay. */
CXCursor
cx_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
			return c;
		CXCursor kid[2];
		if (cx_children(c, kid, 2) != 1)
			return c;
		CXType a = clang_getCanonicalType(clang_getCursorType(kid[0]));
		CXType b = clang_getCanonicalType(clang_getCursorType(c));
		if (k == CXCursor_UnexposedExpr && b.kind == CXType_Pointer &&
		    (a.kind == CXType_ConstantArray || a.kind == CXType_IncompleteArray ||
		     a.kind == CXType_VariableArray))
			return c;
		c = kid[0];
	}
}

struct attr_find {
	CXTranslationUnit tu;
	const char *name;
	int found;
};

static enum CXChildVisitResult
attr_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct attr_find *a = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (!clang_isAttribute(k))
		return CXChildVisit_Continue;
	/* the attribute's name is where it is spelled (in a header, behind
	 * a macro): read that identifier from the file, no tokenizing */
	CXFile f;
	unsigned off;
	size_t size;
	clang_getSpellingLocation(clang_getCursorLocation(c), &f, NULL, NULL, &off);
	const char *buf = f ? clang_getFileContents(a->tu, f, &size) : NULL;
	if (!buf || off >= size)
		return CXChildVisit_Continue;
	size_t e = off;
	while (e < size && (isalnum((unsigned char)buf[e]) || buf[e] == '_'))
		e++;
	const char *t = buf + off;
	size_t tl = e - off, ln = strlen(a->name);
	if ((tl == ln && !strncmp(t, a->name, ln)) ||
	    (tl == ln + 4 && !strncmp(t, "__", 2) && !strncmp(t + 2, a->name, ln) && !strncmp(t + 2 + ln, "__", 2)))
		a->found = 1;
	return a->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Does declaration c carry __attribute__((name))? libclang exposes
 * noescape and malloc only as unexposed attributes, so read the tokens. */
int
cx_has_attr(CXTranslationUnit tu, CXCursor c, const char *name)
{
	struct attr_find a = {tu, name, 0};
	clang_visitChildren(c, attr_visit, &a);
	return a.found;
}

int
cx_eval_int(CXCursor c, long long *v)
{
	CXEvalResult r = clang_Cursor_Evaluate(c);
	if (!r)
		return 0;
	int ok = clang_EvalResult_getKind(r) == CXEval_Int;
	if (ok)
		*v = clang_EvalResult_getAsLongLong(r);
	clang_EvalResult_dispose(r);
	return ok;
}

/* ---- parsing ---- */

static const char *
describe_failure(enum CXErrorCode e)
{
	switch (e) {
	case CXError_Success: return "success";
	case CXError_Failure: return "libclang could not parse it";
	case CXError_Crashed: return "libclang crashed while parsing it";
	case CXError_InvalidArguments: return "invalid arguments to libclang";
	case CXError_ASTReadError: return "AST read error";
	}
	return "unknown libclang failure";
}

/* Flags that gcc accepts and clang's driver rejects outright; dropped
 * from compile_commands.json entries, as clangd's CompileFlags: Remove. */
static int
drop_flag(const char *a)
{
	static const char *const prefixes[] = {
		"-fconserve-stack", "-fanalyzer", "-fno-allow-store-data-races",
		"-mindirect-branch", "-mrecord-mcount", "-fno-var-tracking-assignments",
		"-fmerge-constants", "-mabi=lp64", "-fstack-clash-protection",
		"-fno-ipa-", "-fipa-", "-Wno-maybe-uninitialized", "-fsched-pressure",
		"-fmacro-prefix-map", "-fcf-protection=", NULL,
	};
	for (int i = 0; prefixes[i]; i++)
		if (!strncmp(a, prefixes[i], strlen(prefixes[i])))
			return 1;
	return 0;
}

/* Shows clang's diagnostics of severity error and above; returns how
 * many there were. Driver complaints about unknown flags (no location)
 * are shown as warnings and do not count. */
static int
show_clang_errors(CXTranslationUnit ctu, struct tu *tu)
{
	int nerr = 0;
	unsigned n = clang_getNumDiagnostics(ctu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(ctu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev >= CXDiagnostic_Error) {
			CXSourceLocation loc = clang_getDiagnosticLocation(d);
			CXFile f;
			unsigned line, col;
			clang_getExpansionLocation(loc, &f, &line, &col, NULL);
			CXString msg = clang_getDiagnosticSpelling(d);
			const char *m = clang_getCString(msg);
			if (!f && (strstr(m, "unknown argument") || strstr(m, "unsupported option"))) {
				fprintf(stderr, "%s: warning: ", ec_progname);
				put_safe(stderr, m);
				fputs(" (flag ignored)\n", stderr);
			} else {
				const char *fname = f ? file_name(tu, f) : tu->main_file;
				put_safe(stderr, fname);
				if (f)
					fprintf(stderr, ":%u:%u", line, col);
				fprintf(stderr, ": %s: ", sev == CXDiagnostic_Fatal ? "fatal error" : "error");
				put_safe(stderr, m);
				fputc('\n', stderr);
				diag_error(fname, (int)line, (int)col, m);
				nerr++;
			}
			clang_disposeString(msg);
		}
		clang_disposeDiagnostic(d);
	}
	return nerr;
}

static int
has_errors(CXTranslationUnit ctu)
{
	unsigned n = clang_getNumDiagnostics(ctu);
	int bad = 0;
	for (unsigned i = 0; i < n && !bad; i++) {
		CXDiagnostic d = clang_getDiagnostic(ctu, i);
		bad = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error &&
		      clang_getFile(ctu, "") == NULL && clang_Location_isFromMainFile(clang_getDiagnosticLocation(d));
		clang_disposeDiagnostic(d);
	}
	return bad;
}

/* "escape-check: error: FILE: MSG", the name escaped (it may hold
 * control characters), and the same error kept for JSON. */
static void
file_error(const char *file, const char *msg)
{
	fprintf(stderr, "%s: error: ", ec_progname);
	put_safe(stderr, file);
	fprintf(stderr, ": %s\n", msg);
	diag_error(file, 0, 0, msg);
}

static int
is_regular_readable(const char *file)
{
	struct stat st;
	if (stat(file, &st) != 0) {
		file_error(file, strerror(errno));
		return 0;
	}
	if (S_ISDIR(st.st_mode)) {
		file_error(file, "is a directory");
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {	/* a FIFO would block, a device never end */
		file_error(file, "not a regular file (use '-' for standard input)");
		return 0;
	}
	if (access(file, R_OK) != 0) {
		file_error(file, strerror(errno));
		return 0;
	}
	return 1;
}

int
cx_analyze_file(const char *file, struct tu *tu)
{
	if (!the_index)
		the_index = clang_createIndex(0, 0);
	tu->main_file = arena_strdup(&tu->arena, file);
	last_file = NULL;
	cur_dir = NULL;
	int in_memory = unsaved_name && !strcmp(file, unsaved_name);
	if (in_memory) {
		/* nothing on disk to check: the buffer may never have been saved */
	} else if (opt.quiet) {
		struct stat st;
		if (stat(file, &st) != 0 || !S_ISREG(st.st_mode) || access(file, R_OK) != 0)
			return -1;
	} else if (!is_regular_readable(file)) {
		return -1;
	}

	struct ptrvec args = {0};
	char *dir = NULL;
	CXCompilationDatabase db = NULL;
	CXCompileCommands cmds = NULL;
	char *absfile = realpath(file, NULL);
	if (!absfile && in_memory) {
		/* a buffer whose file need not exist: clang can match it by
		 * name only, so it goes by its absolute name once we move to
		 * its compile command's directory */
		char here[PATH_MAX];
		if (getcwd(here, sizeof here))
			absfile = path_display(NULL, here, file);
	}
	char *cmdfile = NULL;	/* the compile command's own file, absolute */
	if (opt.compdb_dir) {
		CXCompilationDatabase_Error err;
		db = clang_CompilationDatabase_fromDirectory(opt.compdb_dir, &err);
		if (err != CXCompilationDatabase_NoError || !db)
			fatal("%s/compile_commands.json: cannot be read or is not a valid compilation database",
			      opt.compdb_dir);
		cmds = clang_CompilationDatabase_getCompileCommands(db, absfile ? absfile : file);
		if (cmds && clang_CompileCommands_getSize(cmds) > 0) {
			CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, 0);
			CXString d = clang_CompileCommand_getDirectory(cmd);
			dir = xstrdup(clang_getCString(d));
			clang_disposeString(d);
			CXString f = clang_CompileCommand_getFilename(cmd);
			cmdfile = path_display(NULL, dir, clang_getCString(f));
			clang_disposeString(f);
			unsigned n = clang_CompileCommand_getNumArgs(cmd);
			for (unsigned i = 1; i < n; i++) {
				CXString a = clang_CompileCommand_getArg(cmd, i);
				const char *s = clang_getCString(a);
				if (!strcmp(s, "-o") || !strcmp(s, "-MF") || !strcmp(s, "-MT") || !strcmp(s, "-MQ")) {
					clang_disposeString(a);
					i++;
					continue;
				}
				if (!strcmp(s, "-c") || drop_flag(s) || !strncmp(s, "-M", 2)) {
					clang_disposeString(a);
					continue;
				}
				char *arg = in_memory && absfile && s[0] != '-' ? path_display(NULL, dir, s) : NULL;
				if (arg && !strcmp(arg, cmdfile))
					pv_push(&args, xstrdup(absfile));	/* the buffer */
				else
					pv_push(&args, xstrdup(s));
				free(arg);
				clang_disposeString(a);
			}
		} else {
			fprintf(stderr, "%s: warning: ", ec_progname);
			put_safe(stderr, file);
			fputs(": not in ", stderr);
			put_safe(stderr, opt.compdb_dir);
			fputs("/compile_commands.json; parsing with default flags\n", stderr);
		}
	}
	int from_db = dir != NULL;
	if (!from_db) {
		/* a buffer named with no extension (standard input's "<stdin>")
		 * is C; clang would take it for a serialized AST */
		const char *base = strrchr(file, '/');
		if (in_memory && !strchr(base ? base : file, '.')) {
			pv_push(&args, xstrdup("-x"));
			pv_push(&args, xstrdup("c"));
		}
		pv_push(&args, xstrdup(file));
	}
	for (int i = 0; i < opt.nclang_args; i++)
		pv_push(&args, xstrdup(opt.clang_args[i]));
	pv_push(&args, xstrdup("-resource-dir"));
	pv_push(&args, xstrdup(opt.resource_dir));
	pv_push(&args, xstrdup("-w"));
	pv_push(&args, xstrdup("-ferror-limit=20"));

	int rc = 0;
	char oldcwd[PATH_MAX];
	if (from_db) {
		if (!getcwd(oldcwd, sizeof oldcwd) || chdir(dir) != 0)
			fatal("%s: cannot change to the directory of its compile command, %s:", file, dir);
		cur_dir = dir;
	}
	/* The buffer's name must be the one clang opens: absolute once we
	 * have moved to the compile command's directory. */
	struct CXUnsavedFile buf = {from_db && absfile ? absfile : file, unsaved_text,
				    (unsigned long)unsaved_len};
	CXTranslationUnit ctu = NULL;
	unsigned flags = CXTranslationUnit_KeepGoing;
	enum CXErrorCode e = clang_parseTranslationUnit2(the_index, NULL,
		(const char *const *)args.v, args.n, in_memory ? &buf : NULL,
		in_memory ? 1 : 0, flags, &ctu);
	if ((e != CXError_Success || !ctu) && opt.quiet) {
		rc = -1;
	} else if (e != CXError_Success || !ctu) {
		file_error(file, describe_failure(e));
		rc = -1;
	} else {
		cur_tu = ctu;
		if (opt.quiet ? has_errors(ctu) : show_clang_errors(ctu, tu) > 0)
			rc = -1;
		else
			lower_tu(tu, ctu);
		last_file = NULL;
		file_buf = NULL;
		cur_tu = NULL;
		clang_disposeTranslationUnit(ctu);
	}
	if (from_db && chdir(oldcwd) != 0)
		fatal("cannot return to %s:", oldcwd);
	for (int i = 0; i < args.n; i++)
		free(args.v[i]);
	pv_free(&args);
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	if (db)
		clang_CompilationDatabase_dispose(db);
	free(dir);
	free(absfile);
	free(cmdfile);
	cur_dir = NULL;
	return rc;
}

/* The files of every entry of DIR/compile_commands.json, in its order,
 * each once, as paths relative to the user's directory when they lie
 * below it (-p DIR with no FILE: the whole project). */
void
cx_compdb_files(const char *dir, struct ptrvec *out)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir, &err);
	if (err != CXCompilationDatabase_NoError || !db)
		fatal("%s/compile_commands.json: cannot be read or is not a valid compilation database", dir);
	CXCompileCommands cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	unsigned n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	for (unsigned i = 0; i < n; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
		CXString d = clang_CompileCommand_getDirectory(cmd);
		CXString f = clang_CompileCommand_getFilename(cmd);
		char *p = path_display(opt.cwd, clang_getCString(d), clang_getCString(f));
		clang_disposeString(d);
		clang_disposeString(f);
		int dup = 0;
		for (int j = 0; j < out->n && !dup; j++)
			dup = !strcmp(out->v[j], p);
		if (dup)
			free(p);
		else
			pv_push(out, p);
	}
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	clang_CompilationDatabase_dispose(db);
	if (!out->n)
		fatal("%s/compile_commands.json: no entries", dir);
}
