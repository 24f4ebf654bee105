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

const struct diag_doc diag_doc[DIAG__COUNT] = {
#define DIAG_DOC(e, name, precision, tags, summary, help) [e] = {name, precision, tags, summary, help},
#include "diag.def"
#undef DIAG_DOC
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

/* ---- source text ----
 * The text of each file that has findings, read once: suppression
 * comments are looked up in it, and the SARIF report hashes its lines
 * and converts columns with it. A file read from standard input (or an
 * editor's buffer) is registered with diag_source_set under the name
 * its positions carry, so nothing is read from disk for it. */

struct srcfile {
	char *name;
	char *text;		/* NULL when the file cannot be read */
	size_t len;
	size_t *line;		/* byte offset of each line's start */
	int n;
};
static struct ptrvec srcfiles;

static struct srcfile *
find_source(const char *name)
{
	for (int i = 0; i < srcfiles.n; i++) {
		struct srcfile *f = srcfiles.v[i];
		if (!strcmp(f->name, name))
			return f;
	}
	return NULL;
}

static struct srcfile *
new_source(const char *name, char *text, size_t len)
{
	struct srcfile *f = xcalloc(1, sizeof *f);
	f->name = xstrdup(name);
	f->text = text;
	f->len = len;
	pv_push(&srcfiles, f);
	if (!text)
		return f;
	int cap = 0;
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && text[i - 1] != '\n')
			continue;
		if (f->n == cap) {
			cap = cap ? cap * 2 : 256;
			f->line = xrealloc(f->line, sizeof *f->line * (size_t)cap);
		}
		f->line[f->n++] = i;
	}
	return f;
}

static struct srcfile *
load_source(const char *name)
{
	struct srcfile *f = find_source(name);
	if (f)
		return f;
	FILE *fp = fopen(name, "rb");
	if (!fp)
		return new_source(name, NULL, 0);
	struct strbuf b = {0};
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sb_addn(&b, buf, n);
	fclose(fp);
	if (!b.s)
		sb_add(&b, "");
	return new_source(name, b.s, b.len);
}

void
diag_source_set(const char *file, const char *text, size_t len)
{
	char *copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = 0;
	struct srcfile *f = find_source(file);
	if (!f) {
		new_source(file, copy, len);
		return;
	}
	/* replaced: index the new text under the same entry */
	struct srcfile *g = new_source(file, copy, len);
	srcfiles.n--;
	free(f->text);
	free(f->line);
	free(g->name);
	g->name = f->name;
	*f = *g;
	free(g);
}

const char *
diag_source_text(const char *file, size_t *len)
{
	struct srcfile *f = load_source(file);
	*len = f->len;
	return f->text;
}

const char *
diag_source_line(const char *file, int line, size_t *len)
{
	struct srcfile *f = load_source(file);
	if (!f->text || line < 1 || line > f->n) {
		*len = 0;
		return NULL;
	}
	size_t start = f->line[line - 1];
	size_t end = line < f->n ? f->line[line] : f->len;
	if (end > start && f->text[end - 1] == '\n')
		end--;
	if (end > start && f->text[end - 1] == '\r')
		end--;
	*len = end - start;
	return f->text + start;
}

/* ---- suppression comments ----
 * A comment "escape-check: ignore" on the line of a finding or the line
 * before it silences the finding; "escape-check: ignore heap-leak vla"
 * silences only those codes. Real code has idioms no analysis should be
 * argued with. */

static int
line_ignores(const char *line, size_t len, const char *code)
{
	static const char tag[] = "escape-check:";
	const char *p = line ? memmem(line, len, tag, sizeof tag - 1) : NULL;
	if (!p)
		return 0;
	const char *end = line + len;
	p += sizeof tag - 1;
	while (p < end && *p == ' ')
		p++;
	if (end - p < 6 || strncmp(p, "ignore", 6))
		return 0;
	p += 6;
	size_t cl = strlen(code);
	int listed = 0;
	for (;;) {
		while (p < end && (*p == ' ' || *p == ','))
			p++;
		if (p == end || (end - p >= 2 && !strncmp(p, "*/", 2)))
			return !listed;
		size_t w = 0;
		while (p + w < end && !strchr(" ,*", p[w]))
			w++;
		if (w == cl && !strncmp(p, code, cl))
			return 1;
		listed = 1;
		p += w ? w : 1;
	}
}

static int
suppressed(struct pos pos, enum diag_code code)
{
	const char *c = diag_table[code].code;
	for (int l = pos.line; l >= pos.line - 1 && l >= 1; l--) {
		size_t len;
		const char *s = diag_source_line(pos.file, l, &len);
		if (s && line_ignores(s, len, c))
			return 1;
	}
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

/* ---- which findings a report shows ----
 * By default a code is shown from its -m level on (diag.def); --enable
 * shows it at every level, --disable never. Every format, and the exit
 * status, go by diag_shown. */

static enum code_state code_state[DIAG__COUNT];

void
diag_set_state(enum diag_code c, enum code_state s)
{
	code_state[c] = s;
}

int
diag_shown(const struct diag *d, int level)
{
	switch (code_state[d->code]) {
	case CODE_ON: return 1;
	case CODE_OFF: return 0;
	default: return diag_table[d->code].min_level <= level;
	}
}

/* Shown findings that make the exit status 1: bug-class ones when
 * min_severity is negative, else those of at least that severity. */
int
diag_failures(int level, int min_severity)
{
	int n = 0;
	for (int i = 0; i < diags.n; i++) {
		const struct diag *d = diags.v[i];
		if (!diag_shown(d, level))
			continue;
		if (min_severity < 0 ? diag_table[d->code].bug_class
				     : (int)diag_table[d->code].severity >= min_severity)
			n++;
	}
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
		free(f->text);
		free(f->line);
		free(f->name);
		free(f);
	}
	pv_free(&srcfiles);
}
