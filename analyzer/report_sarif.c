/*
 * report_sarif.c: the findings as a SARIF 2.1.0 log (--format=sarif), for
 * GitHub code scanning and SARIF viewers. One run:
 *
 *   tool.driver.rules    one rule per code of diag.def, in its order (the
 *                        rule id is the code; ruleIndex is its row), with
 *                        the descriptions and help of its DIAG_DOC row
 *   results              the findings shown at this -m level, each with
 *                        its trace as a code flow (a thread flow location
 *                        per step, at the step's own position) and the
 *                        fingerprint GitHub matches alerts by
 *   invocations          whether every file was analysed, and clang's
 *                        errors as tool execution notifications
 *   artifacts            each file named by a location
 *
 * Paths below the current directory are relative URIs against the base
 * SRCROOT (the current directory), as GitHub wants them; others are
 * absolute file: URIs. Columns are converted from our bytes to UTF-16
 * code units (columnKind), reading the line. Text from the input is made
 * valid UTF-8 first: JSON cannot carry stray bytes. The fields are
 * described in docs/output.md.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "ec.h"

#ifndef EC_DOCS_URL	/* set by the build (analyzer/CMakeLists.txt) */
#define EC_DOCS_URL "file:///usr/local/share/doc/escape_check/diagnostics.md"
#endif

extern const char *ec_version_string(void);

/* ---- text ---- */

/* s with each byte that is not valid UTF-8 replaced by U+FFFD. */
static cJSON *
text(const char *s)
{
	struct strbuf b = {0};
	size_t n = strlen(s);
	sb_add(&b, "");
	for (size_t i = 0; i < n;) {
		int len = utf8_len((const unsigned char *)s + i, n - i);
		if (len) {
			sb_addn(&b, s + i, (size_t)len);
			i += (size_t)len;
		} else {
			sb_add(&b, "\xef\xbf\xbd");
			i++;
		}
	}
	cJSON *j = cJSON_CreateString(b.s);
	sb_free(&b);
	return j;
}

static cJSON *
message(const char *s)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddItemToObject(m, "text", text(s));
	return m;
}

/* 1-based byte column to 1-based UTF-16 column, reading the line. */
static int
col16(const char *file, int line, int col)
{
	size_t len;
	const unsigned char *s = (const unsigned char *)diag_source_line(file, line, &len);
	if (!s || col < 1)
		return col;
	size_t want = (size_t)col - 1, i = 0;
	int units = 0;
	while (i < want && i < len) {
		int n = utf8_len(s + i, len - i);
		units += n == 4 ? 2 : 1;
		i += n ? (size_t)n : 1;
	}
	return 1 + units + (want > i ? (int)(want - i) : 0);
}

/* ---- files and URIs ---- */

struct file {
	const char *name;	/* as positions carry it */
	char *uri;
	int relative;		/* uri is against SRCROOT */
	char **hash;		/* primaryLocationLineHash per line, 1-based */
	int nhash;
};
static struct ptrvec files;

static void
add_escaped(struct strbuf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			sb_addn(b, (const char *)p, 1);
		else
			sb_printf(b, "%%%02X", *p);
	}
}

static char *
root_uri(void)
{
	struct strbuf b = {0};
	sb_add(&b, "file://");
	add_escaped(&b, opt.cwd);
	if (b.s[b.len - 1] != '/')
		sb_add(&b, "/");
	return b.s;
}

static struct file *
file_of(const char *name)
{
	for (int i = 0; i < files.n; i++) {
		struct file *f = files.v[i];
		if (!strcmp(f->name, name))
			return f;
	}
	struct file *f = xcalloc(1, sizeof *f);
	f->name = name;
	char *abs = path_display(NULL, opt.cwd, name);
	size_t cl = opt.cwd ? strlen(opt.cwd) : 0;
	struct strbuf b = {0};
	sb_add(&b, "");
	if (cl > 1 && !strncmp(abs, opt.cwd, cl) && abs[cl] == '/') {
		add_escaped(&b, abs + cl + 1);
		f->relative = 1;
	} else if (abs[0] != '/') {	/* no current directory to resolve it */
		add_escaped(&b, abs);
	} else {
		sb_add(&b, "file://");
		add_escaped(&b, abs);
	}
	free(abs);
	f->uri = b.s;
	pv_push(&files, f);
	return f;
}

static int
file_index(struct file *f)
{
	for (int i = 0; i < files.n; i++)
		if (files.v[i] == f)
			return i;
	return -1;
}

static cJSON *
artifact_location(struct file *f, int with_index)
{
	cJSON *a = cJSON_CreateObject();
	cJSON_AddItemToObject(a, "uri", text(f->uri));
	if (f->relative)
		cJSON_AddStringToObject(a, "uriBaseId", "SRCROOT");
	if (with_index)
		cJSON_AddNumberToObject(a, "index", file_index(f));
	return a;
}

/* ---- fingerprints ----
 * GitHub's primaryLocationLineHash, computed as its upload action does
 * when a log has none (so the two agree): a rolling hash over the 100
 * characters (UTF-16 code units, spaces and tabs left out, line ends
 * made '\n') that start at each line's first such character, in hex,
 * then ':' and how many lines of the file so far had that hash. */

enum { HASH_BLOCK = 100, HASH_MOD = 37, HASH_EOF = 65535 };

struct hasher {
	uint64_t hash, first_mod;
	unsigned window[HASH_BLOCK];
	int line_at[HASH_BLOCK];
	int index, line, line_start, prev_cr;
	uint64_t *out;		/* hash of each line, 1-based */
	int nout;
};

static void
hash_output(struct hasher *h)
{
	h->out[h->line_at[h->index]] = h->hash;
	h->line_at[h->index] = -1;
}

static void
hash_update(struct hasher *h, unsigned c)
{
	unsigned begin = h->window[h->index];
	h->window[h->index] = c;
	h->hash = HASH_MOD * h->hash + c - h->first_mod * begin;
	h->index = (h->index + 1) % HASH_BLOCK;
}

static void
hash_char(struct hasher *h, unsigned c)
{
	if (c == ' ' || c == '\t' || (h->prev_cr && c == '\n')) {
		h->prev_cr = 0;
		return;
	}
	h->prev_cr = c == '\r';
	if (c == '\r')
		c = '\n';
	if (h->line_at[h->index] != -1)
		hash_output(h);
	if (h->line_start) {
		h->line_start = 0;
		h->line_at[h->index] = ++h->line;
	}
	if (c == '\n')
		h->line_start = 1;
	hash_update(h, c);
}

struct seen {
	uint64_t hash;
	int line;
};

static int
seen_cmp(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->line - y->line;
}

static void
hash_file(struct file *f)
{
	size_t len;
	const unsigned char *s = (const unsigned char *)diag_source_text(f->name, &len);
	if (!s)
		return;
	struct hasher h = {0};
	h.first_mod = 1;
	for (int i = 0; i < HASH_BLOCK; i++) {
		h.first_mod *= HASH_MOD;
		h.line_at[i] = -1;
	}
	h.line_start = 1;
	/* a line per '\n' or '\r', plus the end-of-file marker's */
	int maxlines = 2;
	for (size_t i = 0; i < len; i++)
		maxlines += s[i] == '\n' || s[i] == '\r';
	h.out = xcalloc((size_t)maxlines + 1, sizeof *h.out);
	for (size_t i = 0; i < len;) {
		int n = utf8_len(s + i, len - i);
		unsigned c;
		if (n == 0) {
			c = 0xfffd;
			n = 1;
		} else if (n == 1) {
			c = s[i];
		} else {
			c = s[i] & (0x7f >> n);
			for (int k = 1; k < n; k++)
				c = c << 6 | (s[i + k] & 0x3f);
		}
		if (c > 0xffff) {	/* a surrogate pair */
			c -= 0x10000;
			hash_char(&h, 0xd800 + (c >> 10));
			hash_char(&h, 0xdc00 + (c & 0x3ff));
		} else {
			hash_char(&h, c);
		}
		i += (size_t)n;
	}
	hash_char(&h, HASH_EOF);
	for (int i = 0; i < HASH_BLOCK; i++) {
		if (h.line_at[h.index] != -1)
			hash_output(&h);
		hash_update(&h, 0);
	}
	/* number equal hashes in line order */
	int n = h.line;
	struct seen *v = xmalloc(sizeof *v * ((size_t)n + 1));
	for (int i = 0; i < n; i++)
		v[i] = (struct seen){h.out[i + 1], i + 1};
	qsort(v, (size_t)n, sizeof *v, seen_cmp);
	f->hash = xcalloc((size_t)n + 1, sizeof *f->hash);
	f->nhash = n;
	for (int i = 0, count = 0; i < n; i++) {
		count = i > 0 && v[i].hash == v[i - 1].hash ? count + 1 : 1;
		char buf[40];
		snprintf(buf, sizeof buf, "%" PRIx64 ":%d", v[i].hash, count);
		f->hash[v[i].line] = xstrdup(buf);
	}
	free(v);
	free(h.out);
}

static const char *
line_hash(struct file *f, int line)
{
	if (!f->hash)
		hash_file(f);
	return f->hash && line >= 1 && line <= f->nhash ? f->hash[line] : NULL;
}

/* ---- locations ---- */

static cJSON *
region(const struct pos *p)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddNumberToObject(r, "startLine", p->line);
	if (p->col > 0)
		cJSON_AddNumberToObject(r, "startColumn", col16(p->file, p->line, p->col));
	if (p->col > 0 && (p->eline > p->line || (p->eline == p->line && p->ecol > p->col))) {
		if (p->eline != p->line)
			cJSON_AddNumberToObject(r, "endLine", p->eline);
		cJSON_AddNumberToObject(r, "endColumn", col16(p->file, p->eline, p->ecol));
	}
	return r;
}

static cJSON *
location(const struct pos *p, const char *msg)
{
	cJSON *l = cJSON_CreateObject();
	cJSON *pl = cJSON_AddObjectToObject(l, "physicalLocation");
	cJSON_AddItemToObject(pl, "artifactLocation", artifact_location(file_of(p->file), 1));
	if (p->line > 0)
		cJSON_AddItemToObject(pl, "region", region(p));
	if (msg)
		cJSON_AddItemToObject(l, "message", message(msg));
	return l;
}

/* ---- the log ---- */

static const char *
level_name(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

static cJSON *
rule(enum diag_code c)
{
	const struct diag_info *info = &diag_table[c];
	const struct diag_doc *doc = &diag_doc[c];
	if (!doc->name)
		bug("diag.def: no DIAG_DOC row for %s", info->code);
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "id", info->code);
	cJSON_AddStringToObject(r, "name", doc->name);
	cJSON_AddItemToObject(r, "shortDescription", message(doc->summary));
	cJSON_AddItemToObject(r, "fullDescription", message(info->description));
	cJSON_AddItemToObject(r, "help", message(doc->help));
	cJSON_AddStringToObject(r, "helpUri", EC_DOCS_URL);
	cJSON *conf = cJSON_AddObjectToObject(r, "defaultConfiguration");
	cJSON_AddStringToObject(conf, "level", level_name(info->severity));
	cJSON *props = cJSON_AddObjectToObject(r, "properties");
	cJSON *tags = cJSON_AddArrayToObject(props, "tags");
	for (const char *t = doc->tags; *t;) {
		size_t n = strcspn(t, " ");
		char buf[128];
		snprintf(buf, sizeof buf, "%.*s", (int)n, t);
		cJSON_AddItemToArray(tags, cJSON_CreateString(buf));
		t += n;
		t += strspn(t, " ");
	}
	cJSON_AddStringToObject(props, "precision", doc->precision);
	cJSON_AddStringToObject(props, "problem.severity",
				info->severity == SEV_NOTE ? "recommendation" : level_name(info->severity));
	return r;
}

static cJSON *
result(const struct diag *d)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "ruleId", diag_table[d->code].code);
	cJSON_AddNumberToObject(r, "ruleIndex", d->code);
	cJSON_AddStringToObject(r, "level", level_name(diag_table[d->code].severity));
	cJSON_AddItemToObject(r, "message", message(d->message));
	cJSON *locs = cJSON_AddArrayToObject(r, "locations");
	cJSON *loc = location(&d->pos, NULL);
	if (d->function[0]) {
		cJSON *logical = cJSON_AddArrayToObject(loc, "logicalLocations");
		cJSON *fn = cJSON_CreateObject();
		cJSON_AddItemToObject(fn, "name", text(d->function));
		cJSON_AddStringToObject(fn, "kind", "function");
		cJSON_AddItemToArray(logical, fn);
	}
	cJSON_AddItemToArray(locs, loc);
	if (d->nsteps) {
		cJSON *flows = cJSON_AddArrayToObject(r, "codeFlows");
		cJSON *flow = cJSON_CreateObject();
		cJSON_AddItemToArray(flows, flow);
		cJSON *threads = cJSON_AddArrayToObject(flow, "threadFlows");
		cJSON *thread = cJSON_CreateObject();
		cJSON_AddItemToArray(threads, thread);
		cJSON *steps = cJSON_AddArrayToObject(thread, "locations");
		for (int j = 0; j < d->nsteps; j++) {
			const struct step *s = &d->steps[j];
			cJSON *t = cJSON_CreateObject();
			cJSON_AddItemToObject(t, "location", location(&s->pos, s->text));
			/* a flow line's from lines sit under it */
			cJSON_AddNumberToObject(t, "nestingLevel", s->kind == STEP_FLOW ? 0 : 1);
			cJSON_AddItemToArray(steps, t);
		}
	}
	const char *h = line_hash(file_of(d->pos.file), d->pos.line);
	if (h) {
		cJSON *fp = cJSON_AddObjectToObject(r, "partialFingerprints");
		cJSON_AddStringToObject(fp, "primaryLocationLineHash", h);
	}
	cJSON *props = cJSON_AddObjectToObject(r, "properties");
	cJSON_AddItemToObject(props, "symbol", text(d->symbol));
	return r;
}

void
report_sarif(FILE *out, int level)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	cJSON_AddStringToObject(root, "version", "2.1.0");
	cJSON *run = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "runs"), run);

	cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
	cJSON_AddStringToObject(driver, "name", "escape-check");
	cJSON_AddStringToObject(driver, "version", ec_version_string());
	cJSON_AddStringToObject(driver, "semanticVersion", ec_version_string());
	cJSON_AddStringToObject(driver, "informationUri", EC_DOCS_URL);
	cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
	for (int c = 0; c < DIAG__COUNT; c++)
		cJSON_AddItemToArray(rules, rule(c));

	cJSON *inv = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), inv);
	cJSON_AddBoolToObject(inv, "executionSuccessful", diag_nerrors() == 0);
	if (diag_nerrors()) {
		cJSON *notes = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
		for (int i = 0; i < diag_nerrors(); i++) {
			const char *file, *msg;
			int line, col;
			diag_get_error(i, &file, &line, &col, &msg);
			cJSON *n = cJSON_CreateObject();
			cJSON_AddStringToObject(n, "level", "error");
			cJSON_AddItemToObject(n, "message", message(msg));
			if (file[0]) {
				struct pos p = {file, line, col, 0, 0};
				cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"),
						     location(&p, NULL));
			}
			cJSON_AddItemToArray(notes, n);
		}
	}

	cJSON *results = cJSON_CreateArray();
	for (int i = 0; i < diag_count(); i++) {
		const struct diag *d = diag_get(i);
		if (diag_shown(d, level))
			cJSON_AddItemToArray(results, result(d));
	}

	if (opt.cwd) {
		cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
		cJSON *root_id = cJSON_AddObjectToObject(bases, "SRCROOT");
		char *u = root_uri();
		cJSON_AddItemToObject(root_id, "uri", text(u));
		free(u);
	}
	cJSON *arts = cJSON_AddArrayToObject(run, "artifacts");
	for (int i = 0; i < files.n; i++) {
		cJSON *a = cJSON_CreateObject();
		cJSON_AddItemToObject(a, "location", artifact_location(files.v[i], 0));
		cJSON_AddStringToObject(a, "sourceLanguage", "c");
		cJSON_AddItemToArray(arts, a);
	}
	cJSON_AddItemToObject(run, "results", results);
	cJSON_AddStringToObject(run, "columnKind", "utf16CodeUnits");

	char *s = cJSON_Print(root);
	if (!s)
		fatal("out of memory printing SARIF");
	fputs(s, out);
	fputc('\n', out);
	free(s);
	cJSON_Delete(root);
	for (int i = 0; i < files.n; i++) {
		struct file *f = files.v[i];
		for (int l = 0; f->hash && l <= f->nhash; l++)
			free(f->hash[l]);
		free(f->hash);
		free(f->uri);
		free(f);
	}
	pv_free(&files);
}
