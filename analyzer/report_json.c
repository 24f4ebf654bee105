/*
 * report_json.c: the JSON document (--format=json), one per run:
 *
 *   {"version": 1, "tool": {...}, "diagnostics": [...], "errors": [...]}
 *
 * A diagnostic carries 1-based line and column as the text does, an
 * LSP-style 0-based range, the code from diag.def, the message, the
 * enclosing function, the symbol, and the trace as ordered steps, each
 * with its own position. The fields are documented in docs/output.md.
 * It shows the same findings as the text at the same -m level; traces
 * are always included.
 */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "ec.h"

/* JSON text must be UTF-8: a byte from the source that is not (a Latin-1
 * comment, a binary string) becomes U+FFFD, as the SARIF report does. */
static cJSON *
add_string(cJSON *o, const char *name, const char *v)
{
	const unsigned char *p = (const unsigned char *)(v ? v : "");
	struct strbuf b = {0};
	sb_add(&b, "");
	while (*p) {
		int len = utf8_len(p, (size_t)-1);	/* stops at the NUL */
		int ok = len > 0;
		if (!ok) {
			sb_add(&b, "\xef\xbf\xbd");
			p++;
			continue;
		}
		sb_addn(&b, (const char *)p, (size_t)len);
		p += len;
	}
	cJSON *r = cJSON_AddStringToObject(o, name, b.s);
	sb_free(&b);
	return r;
}

static cJSON *
lsp_pos(int line, int col)
{
	cJSON *p = cJSON_CreateObject();
	cJSON_AddNumberToObject(p, "line", line > 0 ? line - 1 : 0);
	cJSON_AddNumberToObject(p, "character", col > 0 ? col - 1 : 0);
	return p;
}

static cJSON *
range(const struct pos *p)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddItemToObject(r, "start", lsp_pos(p->line, p->col));
	int el = p->eline, ec = p->ecol;
	if (el < p->line || (el == p->line && ec <= p->col)) {
		el = p->line;
		ec = p->col + 1;
	}
	cJSON_AddItemToObject(r, "end", lsp_pos(el, ec));
	return r;
}

extern const char *ec_version_string(void);

/* One diagnostic as in the "diagnostics" array (also the language
 * server's starting point, lsp.c). */
cJSON *
report_json_diag(const struct diag *d)
{
	cJSON *o = cJSON_CreateObject();
	add_string(o, "file", d->pos.file);
	cJSON_AddNumberToObject(o, "line", d->pos.line);
	cJSON_AddNumberToObject(o, "column", d->pos.col);
	cJSON_AddItemToObject(o, "range", range(&d->pos));
	add_string(o, "severity", severity_name(diag_table[d->code].severity));
	add_string(o, "code", diag_table[d->code].code);
	add_string(o, "message", d->message);
	add_string(o, "function", d->function);
	add_string(o, "symbol", d->symbol);
	cJSON *trace = cJSON_AddArrayToObject(o, "trace");
	for (int j = 0; j < d->nsteps; j++) {
		struct step *s = &d->steps[j];
		cJSON *t = cJSON_CreateObject();
		add_string(t, "kind", s->kind == STEP_FLOW ? "flow" : "from");
		add_string(t, "file", s->pos.file);
		cJSON_AddNumberToObject(t, "line", s->pos.line);
		cJSON_AddNumberToObject(t, "column", s->pos.col);
		add_string(t, "message", s->text);
		cJSON_AddItemToArray(trace, t);
	}
	return o;
}

void
report_json(FILE *out, int level)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddNumberToObject(root, "version", 1);
	cJSON *tool = cJSON_AddObjectToObject(root, "tool");
	add_string(tool, "name", "escape-check");
	add_string(tool, "version", ec_version_string());
	add_string(tool, "libclang", cx_clang_version());
	cJSON_AddNumberToObject(root, "level", level);
	cJSON *diags = cJSON_AddArrayToObject(root, "diagnostics");
	for (int i = 0; i < diag_count(); i++) {
		struct diag *d = diag_get(i);
		if (diag_shown(d, level))
			cJSON_AddItemToArray(diags, report_json_diag(d));
	}
	cJSON *errs = cJSON_AddArrayToObject(root, "errors");
	for (int i = 0; i < diag_nerrors(); i++) {
		const char *file, *msg;
		int line, col;
		diag_get_error(i, &file, &line, &col, &msg);
		cJSON *e = cJSON_CreateObject();
		add_string(e, "file", file);
		cJSON_AddNumberToObject(e, "line", line);
		cJSON_AddNumberToObject(e, "column", col);
		add_string(e, "message", msg);
		cJSON_AddItemToArray(errs, e);
	}
	char *s = cJSON_Print(root);
	if (!s)
		fatal("out of memory printing JSON");
	fputs(s, out);
	fputc('\n', out);
	free(s);
	cJSON_Delete(root);
}
