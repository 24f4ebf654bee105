/*
 * unit/report: the text and JSON reporters on hand-made diagnostics
 * (diag_add / diag_step), no graph and no parser.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "ut.h"

/* report_json names the tool's version; main.c, which defines it, is not
 * part of eclib. */
const char *
ec_version_string(void)
{
	return "unit-test";
}

static struct pos
P(const char *file, int line, int col, int eline, int ecol)
{
	return (struct pos){file, line, col, eline, ecol};
}

static void
add_diags(void)
{
	struct diag *d;
	/* added out of order: diag_sort puts them by function, then line */
	d = diag_add(DIAG_STACK_UNKNOWN, P("t.c", 8, 6, 8, 7), "g", 1, "y",
		     "address of %s passed to unknown callee %s (not proven to dangle)", "y", "ext");
	diag_step(d, STEP_FLOW, P("t.c", 9, 2, 0, 0), "flow: {unknown} = &%s", "y");
	diag_step(d, STEP_FROM, P("t.c", 9, 2, 0, 0), "from %s (%s)", "ext(&y)",
		  reason_text[R_UNKNOWN_CALLEE]);
	d = diag_add(DIAG_STACK_ESCAPE, P("t.c", 3, 7, 3, 8), "f", 0, "x",
		     "address of %s escapes its frame (dangling after return)", "x");
	diag_step(d, STEP_FLOW, P("t.c", 4, 9, 0, 0), "flow: ~r0 = &x");
	diag_step(d, STEP_FROM, P("t.c", 4, 9, 0, 0), "from &x (%s)", reason_text[R_ADDRESS_OF]);
	diag_step(d, STEP_FROM, P("t.c", 4, 2, 0, 0), "from return &x (%s)", reason_text[R_RETURN]);
	diag_add(DIAG_PARAM_NOESCAPE, P("t.c", 7, 12, 0, 0), "g", 1, "p", "%s does not escape", "p");
	/* control characters never reach the terminal raw */
	diag_add(DIAG_VLA, P("odd\tname.c", 1, 1, 1, 4), "h", 2, "a\x7f",
		 "variable-length array %s (non-constant size)", "a\x7f");
	diag_error("bad.c", 2, 3, "expected ';'");
	diag_sort();
}

static char *
capture(void (*report)(FILE *, int), int level)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		fatal("open_memstream:");
	report(f, level);
	if (fclose(f) != 0)
		fatal("open_memstream:");
	return buf;
}

static void
t_text(void)
{
	static const char level1[] =
		"t.c:3:7: address of x escapes its frame (dangling after return)\n"
		"t.c:7:12: p does not escape\n"
		"odd\\x09name.c:1:1: variable-length array a\\x7f (non-constant size)\n";
	static const char level2[] =
		"t.c:3:7: address of x escapes its frame (dangling after return):\n"
		"t.c:3:7:   flow: ~r0 = &x:\n"
		"t.c:3:7:     from &x (address-of) at t.c:4:9\n"
		"t.c:3:7:     from return &x (return) at t.c:4:2\n"
		"t.c:7:12: p does not escape\n"
		"t.c:8:6: address of y passed to unknown callee ext (not proven to dangle):\n"
		"t.c:8:6:   flow: {unknown} = &y:\n"
		"t.c:8:6:     from ext(&y) (unknown callee) at t.c:9:2\n"
		"odd\\x09name.c:1:1: variable-length array a\\x7f (non-constant size)\n";
	char *s = capture(report_text, 1);
	ut_check(!strcmp(s, level1), "text: level 1", "got\n%s", s);
	free(s);
	s = capture(report_text, 2);
	ut_check(!strcmp(s, level2), "text: level 2", "got\n%s", s);
	free(s);
	/* level 3 shows the same as 2 */
	s = capture(report_text, 3);
	ut_check(!strcmp(s, level2), "text: level 3", "got\n%s", s);
	free(s);
}

static const char *
str(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double
num(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

/* o as one line of JSON, for failure messages */
static const char *
js(const cJSON *o)
{
	static char buf[512];
	char *s = o ? cJSON_PrintUnformatted(o) : NULL;
	snprintf(buf, sizeof buf, "%s", s ? s : "(null)");
	free(s);
	return buf;
}

/* range.start/end as "L:C L:C" */
static const char *
range_of(const cJSON *o)
{
	static char buf[64];
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "range");
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(r, "start");
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(r, "end");
	if (!s || !e)
		return "(no range)";
	snprintf(buf, sizeof buf, "%g:%g %g:%g", num(s, "line"), num(s, "character"), num(e, "line"),
		 num(e, "character"));
	return buf;
}

static void
t_json(int level)
{
	char name[128];
	char *s = capture(report_json, level);
	cJSON *root = cJSON_Parse(s);
#define NAME(what) (snprintf(name, sizeof name, "json level %d: %s", level, what), name)
	ut_check(root != NULL, NAME("parses"), "%s", s);
	if (!root) {
		free(s);
		return;
	}
	ut_check_int(NAME("version"), (long long)num(root, "version"), 1);
	ut_check_int(NAME("level"), (long long)num(root, "level"), level);
	const cJSON *tool = cJSON_GetObjectItemCaseSensitive(root, "tool");
	ut_check_str(NAME("tool.name"), str(tool, "name"), "escape-check");
	ut_check_str(NAME("tool.version"), str(tool, "version"), "unit-test");
	ut_check(str(tool, "libclang") != NULL, NAME("tool.libclang"), "missing");

	const cJSON *diags = cJSON_GetObjectItemCaseSensitive(root, "diagnostics");
	int n = cJSON_GetArraySize(diags);
	ut_check_int(NAME("diagnostic count"), n, level >= 2 ? 4 : 3);

	static const char *const fields[] = {"file", "line", "column", "range", "severity", "code",
					     "message", "function", "symbol", "trace"};
	int all = 1;
	const cJSON *d;
	cJSON_ArrayForEach(d, diags)
		for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
			if (!cJSON_GetObjectItemCaseSensitive(d, fields[i])) {
				printf("# diagnostic without %s\n", fields[i]);
				all = 0;
			}
	ut_check(all, NAME("every diagnostic has every field"), "see above");

	d = cJSON_GetArrayItem(diags, 0);
	ut_check_str(NAME("[0].file"), str(d, "file"), "t.c");
	ut_check_int(NAME("[0].line"), (long long)num(d, "line"), 3);
	ut_check_int(NAME("[0].column"), (long long)num(d, "column"), 7);
	ut_check_str(NAME("[0].range (0-based)"), range_of(d), "2:6 2:7");
	ut_check_str(NAME("[0].severity"), str(d, "severity"), "warning");
	ut_check_str(NAME("[0].code"), str(d, "code"), "stack-escape");
	ut_check_str(NAME("[0].message"), str(d, "message"),
		     "address of x escapes its frame (dangling after return)");
	ut_check_str(NAME("[0].function"), str(d, "function"), "f");
	ut_check_str(NAME("[0].symbol"), str(d, "symbol"), "x");
	const cJSON *trace = cJSON_GetObjectItemCaseSensitive(d, "trace");
	ut_check_int(NAME("[0].trace length"), cJSON_GetArraySize(trace), 3);
	const cJSON *t0 = cJSON_GetArrayItem(trace, 0), *t2 = cJSON_GetArrayItem(trace, 2);
	ut_check(str(t0, "kind") && !strcmp(str(t0, "kind"), "flow") && str(t0, "file") &&
		 !strcmp(str(t0, "file"), "t.c") && num(t0, "line") == 4 && num(t0, "column") == 9 &&
		 str(t0, "message") && !strcmp(str(t0, "message"), "flow: ~r0 = &x"),
		 NAME("[0].trace[0]"), "%s", js(t0));
	ut_check(str(t2, "kind") && !strcmp(str(t2, "kind"), "from") && num(t2, "line") == 4 &&
		 num(t2, "column") == 2 && str(t2, "message") &&
		 !strcmp(str(t2, "message"), "from return &x (return)"),
		 NAME("[0].trace[2]"), "%s", js(t2));

	/* no end position: a one-character range */
	d = cJSON_GetArrayItem(diags, 1);
	ut_check_str(NAME("[1].code"), str(d, "code"), "param-noescape");
	ut_check_str(NAME("[1].severity"), str(d, "severity"), "note");
	ut_check_str(NAME("[1].range without an end"), range_of(d), "6:11 6:12");
	ut_check_int(NAME("[1].trace empty"), cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(d, "trace")), 0);
	if (level >= 2) {
		d = cJSON_GetArrayItem(diags, 2);
		ut_check_str(NAME("[2].code"), str(d, "code"), "stack-unknown");
		ut_check_str(NAME("[2].function"), str(d, "function"), "g");
	}
	/* JSON carries the raw text: the escaping is the text report's */
	d = cJSON_GetArrayItem(diags, n - 1);
	ut_check_str(NAME("last.file raw"), str(d, "file"), "odd\tname.c");
	ut_check_str(NAME("last.symbol raw"), str(d, "symbol"), "a\x7f");

	const cJSON *errs = cJSON_GetObjectItemCaseSensitive(root, "errors");
	const cJSON *e = cJSON_GetArrayItem(errs, 0);
	ut_check(cJSON_GetArraySize(errs) == 1 && str(e, "file") && !strcmp(str(e, "file"), "bad.c") &&
		 num(e, "line") == 2 && num(e, "column") == 3 && str(e, "message") &&
		 !strcmp(str(e, "message"), "expected ';'"),
		 NAME("errors"), "%s", js(errs));
#undef NAME
	cJSON_Delete(root);
	free(s);
}

/* The table every reporter reads: codes, severities, bug classes. */
static void
t_table(void)
{
	ut_check_str("table: stack-escape code", diag_table[DIAG_STACK_ESCAPE].code, "stack-escape");
	ut_check_int("table: stack-escape is a bug", diag_table[DIAG_STACK_ESCAPE].bug_class, 1);
	ut_check_int("table: stack-unknown at -m -m", diag_table[DIAG_STACK_UNKNOWN].min_level, 2);
	ut_check_str("table: severity names", severity_name(SEV_ERROR), "error");
	ut_check_int("report: bug count", diag_bug_count(), 1);
}

int
main(void)
{
	add_diags();
	t_text();
	t_json(1);
	t_json(2);
	t_table();
	diag_free_all();
	ut_check_int("report: freed", diag_count(), 0);
	return ut_done();
}
