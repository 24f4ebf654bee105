/*
 * main.c: the command line, and the driver that reads like the list of
 * passes: parse and lower, order, then per batch of functions wire the
 * calls, resolve the stores and solve; then check, and report.
 *
 * Exit status: 0 no bug-class finding; 1 at least one (a dangling stack
 * address); 2 a usage error, an unreadable file, or a translation unit
 * that cannot be parsed.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ec.h"

#ifndef EC_VERSION
#define EC_VERSION "0.0"
#endif

const char *
ec_version_string(void)
{
	return EC_VERSION;
}

static const char usage_text[] =
"usage: escape-check [options] FILE... [-- COMPILER-ARGS]\n"
"\n"
"Go-style escape analysis for C: where each object lives, whether its\n"
"address escapes, and why.\n"
"\n"
"  -m               print decisions (the default); repeat (-m -m) or use -m=2\n"
"                   to add the flow trace that explains each one\n"
"  --format=FMT     text (default) or json\n"
"  -p DIR           read DIR/compile_commands.json for each FILE's flags\n"
"  --resource-dir=DIR  clang's builtin headers (default: set at build time,\n"
"                   or $ESCAPE_CHECK_RESOURCE_DIR)\n"
"  --model=FILE     load another model table (JSON) after the C library's\n"
"  -d LETTERS       dump internals: g graph, s solver result, m summaries,\n"
"                   o batch order\n"
"  --lsp            run as a language server on stdin/stdout (docs/editors.md)\n"
"  --version        print the version of escape-check and of libclang\n"
"  -h, --help       print this help\n"
"  -- ARGS          pass ARGS (-I, -D, -std=...) to the parser\n"
"\n"
"Exit status: 0 no bug found, 1 a dangling stack address or a heap leak\n"
"found, 2 usage error, unreadable input or a file that does not parse.\n"
"See escape-check(1) and docs/diagnostics.md.\n";

static _Noreturn void
usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: error: ", ec_progname);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", ec_progname);
	exit(2);
}

static int
file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The model directory: $ESCAPE_CHECK_DATADIR, then next to the binary
 * (../share/escape-check), then the install location, then the source
 * tree this binary was built from. */
static const char *
find_models(void)
{
	static char buf[PATH_MAX + 64];
	const char *env = getenv("ESCAPE_CHECK_DATADIR");
	if (env && env[0]) {
		snprintf(buf, sizeof buf, "%s/models/libc.json", env);
		if (!file_exists(buf))
			fatal("ESCAPE_CHECK_DATADIR=%s: no models/libc.json there", env);
		return buf;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			snprintf(buf, sizeof buf, "%s/../share/escape-check/models/libc.json", exe);
			if (file_exists(buf))
				return buf;
		}
	}
	snprintf(buf, sizeof buf, "%s/models/libc.json", EC_INSTALL_DATADIR);
	if (file_exists(buf))
		return buf;
	snprintf(buf, sizeof buf, "%s/models/libc.json", EC_SOURCE_DATADIR);
	if (file_exists(buf))
		return buf;
	fatal("cannot find the C library model (models/libc.json); set ESCAPE_CHECK_DATADIR");
}

/* One translation unit, start to finish (also the language server's). */
int
analyze(const char *file)
{
	struct tu tu = {0};
	int rc = 0;

	if (cx_analyze_file(file, &tu) != 0) {		/* parse, lower */
		rc = -1;
		goto out;
	}
	callgraph_order(&tu);				/* order */
	for (int b = 0; b < tu.nbatches; b++) {		/* solve, bottom-up */
		struct func **fns = (struct func **)tu.order.v + tu.batch_start[b];
		int n = tu.batch_start[b + 1] - tu.batch_start[b];
		for (int i = 0; i < n; i++)
			calls_wire(&tu, fns[i], b);
		solve_stores(&tu, fns, n);
		solve_batch(&tu, fns, n);
		own_batch(&tu, fns, n);			/* ownership */
	}
	summary_save(&tu);				/* for other files */
	if (!opt.quiet) {
		check_tu(&tu);				/* check */
		if (opt.dump)
			dump_tu(stdout, &tu, opt.dump);
	}
out:
	for (int i = 0; i < tu.funcs.n; i++) {
		struct func *fn = tu.funcs.v[i];
		pv_free(&fn->locs);
		pv_free(&fn->calls);
		pv_free(&fn->stores);
		pv_free(&fn->gstores);
		pv_free(&fn->vlas);
		pv_free(&fn->block_escapes);
		for (int b = 0; b < fn->nblocks; b++)
			free(fn->blocks[b].ops);
		free(fn->blocks);
		pv_free(&fn->keys);
		free(fn->regions);
		free(fn->events);
	}
	pv_free(&tu.funcs);
	pv_free(&tu.order);
	free(tu.batch_start);
	arena_free(&tu.arena);
	return rc;
}

static int
parse_level(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 1 || v > 3)
		usage_error("bad -m level '%s' (1, 2 or 3)", s);
	return (int)v;
}

int
main(int argc, char **argv)
{
	struct ptrvec files = {0}, models = {0};
	int mcount = 0, lsp = 0;
	char cwd[PATH_MAX];

	opt.resource_dir = getenv("ESCAPE_CHECK_RESOURCE_DIR");
	if (!opt.resource_dir || !opt.resource_dir[0])
		opt.resource_dir = EC_DEFAULT_RESOURCE_DIR;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			opt.clang_args = (const char **)argv + i + 1;
			opt.nclang_args = argc - i - 1;
			break;
		} else if (!strcmp(a, "-m")) {
			mcount++;
		} else if (!strncmp(a, "-m=", 3)) {
			mcount = parse_level(a + 3);
		} else if (!strcmp(a, "-mm")) {
			mcount += 2;
		} else if (!strcmp(a, "--format") && i + 1 < argc) {
			a = argv[++i];
			goto format;
		} else if (!strncmp(a, "--format=", 9)) {
			a += 9;
		format:
			if (!strcmp(a, "text"))
				opt.format = FMT_TEXT;
			else if (!strcmp(a, "json"))
				opt.format = FMT_JSON;
			else
				usage_error("unknown format '%s' (text or json)", a);
		} else if (!strcmp(a, "-p")) {
			if (i + 1 >= argc)
				usage_error("%s needs a directory", a);
			opt.compdb_dir = argv[++i];
		} else if (!strncmp(a, "-p", 2)) {
			opt.compdb_dir = a + 2;
		} else if (!strncmp(a, "--resource-dir=", 15)) {
			opt.resource_dir = a + 15;
		} else if (!strcmp(a, "--resource-dir")) {
			if (i + 1 >= argc)
				usage_error("%s needs a directory", a);
			opt.resource_dir = argv[++i];
		} else if (!strncmp(a, "--model=", 8)) {
			pv_push(&models, (void *)(a + 8));
		} else if (!strcmp(a, "-d")) {
			if (i + 1 >= argc)
				usage_error("%s needs letters (g, s, m, o)", a);
			opt.dump = argv[++i];
		} else if (!strncmp(a, "-d", 2)) {
			opt.dump = a + 2;
		} else if (!strcmp(a, "--lsp")) {
			lsp = 1;
		} else if (!strcmp(a, "--version")) {
			printf("escape-check %s (libclang: %s)\n", EC_VERSION, cx_clang_version());
			return 0;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_text, stdout);
			return 0;
		} else if (a[0] == '-' && a[1]) {
			usage_error("unknown option '%s'", a);
		} else {
			pv_push(&files, (void *)a);
		}
	}
	if (!files.n && !lsp)
		usage_error("%s", "no input file");
	if (opt.dump && strspn(opt.dump, "gsmo") != strlen(opt.dump))
		usage_error("unknown -d letters '%s' (g, s, m, o)", opt.dump);
	opt.level = mcount ? mcount : 1;
	if (!getcwd(cwd, sizeof cwd))
		fatal("cannot read the current directory:");
	opt.cwd = cwd;

	char probe[PATH_MAX + 32];
	snprintf(probe, sizeof probe, "%s/include/stddef.h", opt.resource_dir);
	if (!file_exists(probe))
		fatal("clang builtin headers not found in %s (install libclang-common-19-dev or pass --resource-dir)",
		      opt.resource_dir);
	model_load(find_models());
	for (int i = 0; i < models.n; i++)
		model_load(models.v[i]);
	if (lsp)
		return lsp_main();

	int failed = 0;
	if (files.n > 1) {
		/* first pass: summaries only, so calls between the files use them */
		opt.quiet = 1;
		for (int i = 0; i < files.n; i++)
			analyze(files.v[i]);
		opt.quiet = 0;
	}
	for (int i = 0; i < files.n; i++)
		if (analyze(files.v[i]) != 0)
			failed = 1;

	diag_sort();
	if (opt.format == FMT_JSON)
		report_json(stdout, opt.level);
	else
		report_text(stdout, opt.level);
	int status = failed ? 2 : diag_bug_count() ? 1 : 0;
	if (fflush(stdout) != 0)
		fatal("writing the report:");

	diag_free_all();
	summary_free_all();
	model_free_all();
	cx_shutdown();
	pv_free(&files);
	pv_free(&models);
	return status;
}
