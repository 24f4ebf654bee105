/*
 * merge.c: --merge, the reports of several runs as one.
 *
 * A CI matrix runs `escape-check --shard=K/N --format=json -o part-K.json`
 * on each machine; `escape-check --merge part-*.json --format=sarif`
 * reads the JSON documents back into the diagnostic list and writes any
 * format from it, as if one run had made them all. Findings keep their
 * order: by file as the documents list them, then by function (in the
 * order functions first appear), then by position.
 *
 * A document that is not one of ours is an input error: a message naming
 * the file, exit status 2.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "ec.h"

static const cJSON *
item(const cJSON *o, const char *name)
{
	return cJSON_GetObjectItemCaseSensitive(o, name);
}

static const char *
str(const cJSON *o, const char *name)
{
	const cJSON *v = item(o, name);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int
num(const cJSON *o, const char *name, int *out)
{
	const cJSON *v = item(o, name);
	if (!cJSON_IsNumber(v))
		return 0;
	*out = v->valueint;
	return 1;
}

/* Functions get an index by first appearance, per run of the merge. */
static struct ptrvec fn_names;

static int
fn_index(const char *file, const char *fn)
{
	char key[4096];
	snprintf(key, sizeof key, "%s\n%s", file, fn);
	for (int i = 0; i < fn_names.n; i++)
		if (!strcmp(fn_names.v[i], key))
			return i;
	pv_push(&fn_names, xstrdup(key));
	return fn_names.n - 1;
}

static int
merge_diag(const cJSON *d)
{
	const char *code = str(d, "code"), *file = str(d, "file"), *msg = str(d, "message");
	const char *fn = str(d, "function"), *sym = str(d, "symbol");
	struct pos p = {0};
	if (!code || !file || !msg || !num(d, "line", &p.line) || !num(d, "column", &p.col))
		return 0;
	int c = 0;
	while (c < DIAG__COUNT && strcmp(diag_table[c].code, code))
		c++;
	if (c == DIAG__COUNT)
		return 0;
	p.file = file;
	p.eline = p.line;
	p.ecol = p.col + 1;
	const cJSON *end = item(item(d, "range"), "end");
	if (end && num(end, "line", &p.eline) && num(end, "character", &p.ecol)) {
		p.eline++;
		p.ecol++;
	}
	struct diag *x = diag_add((enum diag_code)c, p, fn ? fn : "", fn_index(file, fn ? fn : ""),
				  sym ? sym : "", "%s", msg);
	const cJSON *s;
	cJSON_ArrayForEach(s, item(d, "trace")) {
		const char *kind = str(s, "kind"), *text = str(s, "message"), *sf = str(s, "file");
		struct pos sp = {0};
		if (!kind || !text || !sf || !num(s, "line", &sp.line) || !num(s, "column", &sp.col))
			return 0;
		sp.file = sf;
		sp.eline = sp.line;
		sp.ecol = sp.col + 1;
		diag_step(x, strcmp(kind, "flow") ? STEP_FROM : STEP_FLOW, sp, "%s", text);
	}
	return 1;
}

/* Reads each document into the diagnostic list; exits 2 on a bad one. */
void
merge_files(const char **files, int n)
{
	for (int i = 0; i < n; i++) {
		FILE *f = fopen(files[i], "rb");
		if (!f)
			fatal("%s:", files[i]);
		struct strbuf b = {0};
		char buf[65536];
		size_t k;
		while ((k = fread(buf, 1, sizeof buf, f)) > 0)
			sb_addn(&b, buf, k);
		int err = ferror(f);
		fclose(f);
		if (err)
			fatal("%s: read error", files[i]);
		cJSON *doc = b.s ? cJSON_ParseWithLength(b.s, b.len) : NULL;
		sb_free(&b);
		const cJSON *v = item(doc, "version");
		if (!cJSON_IsObject(doc) || !cJSON_IsNumber(v) || v->valueint != 1 ||
		    !cJSON_IsArray(item(doc, "diagnostics")))
			fatal("%s: not an escape-check JSON report (version 1)", files[i]);
		const cJSON *d;
		int j = 0;
		cJSON_ArrayForEach(d, item(doc, "diagnostics")) {
			if (!merge_diag(d))
				fatal("%s: $.diagnostics[%d]: not a diagnostic of escape-check", files[i], j);
			j++;
		}
		cJSON_ArrayForEach(d, item(doc, "errors")) {
			int line = 0, col = 0;
			num(d, "line", &line);
			num(d, "column", &col);
			diag_error(str(d, "file") ? str(d, "file") : files[i], line, col,
				   str(d, "message") ? str(d, "message") : "error");
		}
		cJSON_Delete(doc);
	}
	for (int i = 0; i < fn_names.n; i++)
		free(fn_names.v[i]);
	pv_free(&fn_names);
}
