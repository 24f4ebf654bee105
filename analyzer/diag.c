/*
 * diag.c: the list of findings (diagnostics) and of tool errors about the
 * input, in one place, so every reporter reads the same data.
 *
 * A diagnostic owns its strings (malloc'd), because it outlives the
 * translation unit's arena: files are analysed one after another, and
 * reports are written once at the end, in a fixed order: by function
 * (source order), then by position.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ec.h"

const struct diag_info diag_table[DIAG__COUNT] = {
#define DIAG(e, code, sev, bugc, lvl, desc) [e] = {code, sev, bugc, lvl, desc},
#include "diag.def"
#undef DIAG
};

const char *const reason_text[R__COUNT] = {
#define REASON(e, text) [e] = text,
#include "diag.def"
#undef REASON
};

const char *
severity_name(enum severity s)
{
	switch (s) {
	case SEV_NOTE: return "note";
	case SEV_WARNING: return "warning";
	case SEV_ERROR: return "error";
	}
	return "note";
}

static struct ptrvec diags;
static int next_order;

/* File names are interned for the whole run: positions point at them. */
static struct ptrvec files;

static const char *
intern_file(const char *f)
{
	if (!f)
		return "";
	for (int i = 0; i < files.n; i++)
		if (!strcmp(files.v[i], f))
			return files.v[i];
	char *s = xstrdup(f);
	pv_push(&files, s);
	return s;
}

struct pos
pos_copy(struct pos p)
{
	p.file = intern_file(p.file);
	return p;
}

static char *
vformat(const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	char *s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

/* ---- suppression comments ----
 * A comment "escape-check: ignore" on the line of a finding or the line
 * before it silences the finding; "escape-check: ignore heap-leak vla"
 * silences only those codes. Real code has idioms no analysis should be
 * argued with. */

struct srcfile {
	char *name;
	char **lines;
	int n;
};
static struct ptrvec srcfiles;

static struct srcfile *
load_source(const char *name)
{
	for (int i = 0; i < srcfiles.n; i++) {
		struct srcfile *f = srcfiles.v[i];
		if (!strcmp(f->name, name))
			return f;
	}
	struct srcfile *f = xcalloc(1, sizeof *f);
	f->name = xstrdup(name);
	pv_push(&srcfiles, f);
	FILE *fp = fopen(name, "rb");
	if (!fp)
		return f;
	struct strbuf b = {0};
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sb_addn(&b, buf, n);
	fclose(fp);
	if (!b.s)
		return f;
	int cap = 0;
	for (char *p = b.s, *e; p && *p; p = e ? e + 1 : NULL) {
		e = strchr(p, '\n');
		if (e)
			*e = 0;
		if (f->n == cap) {
			cap = cap ? cap * 2 : 256;
			f->lines = xrealloc(f->lines, sizeof *f->lines * (size_t)cap);
		}
		f->lines[f->n++] = strstr(p, "escape-check:") ? xstrdup(p) : NULL;
	}
	sb_free(&b);
	return f;
}

static int
line_ignores(const char *line, const char *code)
{
	const char *p = line ? strstr(line, "escape-check:") : NULL;
	if (!p)
		return 0;
	p += strlen("escape-check:");
	while (*p == ' ')
		p++;
	if (strncmp(p, "ignore", 6))
		return 0;
	p += 6;
	size_t cl = strlen(code);
	int listed = 0;
	for (;;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p || !strncmp(p, "*/", 2))
			return !listed;
		size_t w = strcspn(p, " ,*");
		if (w == cl && !strncmp(p, code, cl))
			return 1;
		listed = 1;
		p += w;
	}
}

static int
suppressed(struct pos pos, enum diag_code code)
{
	struct srcfile *f = load_source(pos.file);
	const char *c = diag_table[code].code;
	for (int l = pos.line - 1; l >= pos.line - 2 && l >= 0; l--)
		if (l < f->n && line_ignores(f->lines[l], c))
			return 1;
	return 0;
}

struct diag *
diag_add(enum diag_code code, struct pos pos, const char *fn, int fn_index,
	 const char *symbol, const char *fmt, ...)
{
	if (pos.file && suppressed(pos, code))
		return NULL;
	struct diag *d = xcalloc(1, sizeof *d);
	va_list ap;
	d->code = code;
	d->pos = pos_copy(pos);
	d->function = xstrdup(fn ? fn : "");
	d->symbol = xstrdup(symbol ? symbol : "");
	d->fn_index = fn_index;
	d->order = next_order++;
	va_start(ap, fmt);
	d->message = vformat(fmt, ap);
	va_end(ap);
	pv_push(&diags, d);
	return d;
}

void
diag_step(struct diag *d, enum step_kind k, struct pos pos, const char *fmt, ...)
{
	va_list ap;
	if (!d)
		return;
	if (d->nsteps == d->capsteps) {
		d->capsteps = d->capsteps ? d->capsteps * 2 : 8;
		d->steps = xrealloc(d->steps, sizeof *d->steps * (size_t)d->capsteps);
	}
	struct step *s = &d->steps[d->nsteps++];
	s->kind = k;
	s->pos = pos_copy(pos);
	va_start(ap, fmt);
	s->text = vformat(fmt, ap);
	va_end(ap);
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag *x = *(struct diag *const *)a, *y = *(struct diag *const *)b;
	int c = strcmp(x->pos.file, y->pos.file);
	if (x->pos.file != y->pos.file && c)
		return c;
	if (x->fn_index != y->fn_index)
		return x->fn_index < y->fn_index ? -1 : 1;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Files are kept in the order they were given: the sort key for the file
 * is its first diagnostic's order, so compare by that instead of name. */
void
diag_sort(void)
{
	/* stable by file order: group by first appearance */
	int n = diags.n;
	struct diag **v = (struct diag **)diags.v;
	struct ptrvec out = {0};
	char *done = xcalloc((size_t)n + 1, 1);
	for (int i = 0; i < n; i++) {
		if (done[i])
			continue;
		const char *f = v[i]->pos.file;
		int start = out.n;
		for (int j = i; j < n; j++)
			if (!done[j] && v[j]->pos.file == f) {
				pv_push(&out, v[j]);
				done[j] = 1;
			}
		qsort(out.v + start, (size_t)(out.n - start), sizeof(void *), diag_cmp);
	}
	free(done);
	free(diags.v);
	diags = out;
}

int diag_count(void) { return diags.n; }
struct diag *diag_get(int i) { return diags.v[i]; }

int
diag_bug_count(void)
{
	int n = 0;
	for (int i = 0; i < diags.n; i++)
		n += diag_table[((struct diag *)diags.v[i])->code].bug_class;
	return n;
}

struct tool_error {
	char *file, *msg;
	int line, col;
};
static struct ptrvec errors;

void
diag_error(const char *file, int line, int col, const char *msg)
{
	struct tool_error *e = xcalloc(1, sizeof *e);
	e->file = xstrdup(file ? file : "");
	e->msg = xstrdup(msg);
	e->line = line;
	e->col = col;
	pv_push(&errors, e);
}

int diag_nerrors(void) { return errors.n; }

void
diag_get_error(int i, const char **file, int *line, int *col, const char **msg)
{
	struct tool_error *e = errors.v[i];
	*file = e->file;
	*line = e->line;
	*col = e->col;
	*msg = e->msg;
}

void
diag_free_all(void)
{
	for (int i = 0; i < diags.n; i++) {
		struct diag *d = diags.v[i];
		for (int j = 0; j < d->nsteps; j++)
			free(d->steps[j].text);
		free(d->steps);
		free(d->message);
		free(d->function);
		free(d->symbol);
		free(d);
	}
	pv_free(&diags);
	for (int i = 0; i < errors.n; i++) {
		struct tool_error *e = errors.v[i];
		free(e->file);
		free(e->msg);
		free(e);
	}
	pv_free(&errors);
	for (int i = 0; i < files.n; i++)
		free(files.v[i]);
	pv_free(&files);
	for (int i = 0; i < srcfiles.n; i++) {
		struct srcfile *f = srcfiles.v[i];
		for (int j = 0; j < f->n; j++)
			free(f->lines[j]);
		free(f->lines);
		free(f->name);
		free(f);
	}
	pv_free(&srcfiles);
}
