/*
 * main.c: the command line, and the driver that reads like the list of
 * passes: parse and lower, order, then per batch of functions wire the
 * calls, resolve the stores and solve; then check, and report.
 *
 * Exit status: 0 no bug-class finding shown; 1 at least one (a dangling
 * stack address, a heap leak), or one at or above --fail-on; 2 a usage
 * error, an unreadable file, or a translation unit that cannot be parsed.
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
"address escapes, and why. FILE '-' is standard input.\n"
"\n"
"  -m               print decisions (the default); repeat (-m -m) or use -m=2\n"
"                   to add the flow trace that explains each one\n"
"  --format=FMT     text (Go's -m, the default), gcc (FILE:LINE:COL: warning:\n"
"                   ..., a note per trace step), json or sarif (SARIF 2.1.0)\n"
"  -o FILE          write the report to FILE instead of standard output\n"
"  --stdin-filename=PATH  name standard input ('-') PATH: for its flags (-p),\n"
"                   its #include \"...\" directory and the printed positions\n"
"                   (default <stdin>)\n"
"  --color=WHEN     colour the text and gcc formats: auto (the default: on a\n"
"                   terminal, unless NO_COLOR is set), always or never\n"
"  --enable=CODES   show these codes (comma-separated, or all) at any -m level\n"
"  --disable=CODES  never show these codes; later options override earlier\n"
"  --fail-on=LEVEL  exit 1 when a finding of at least LEVEL is shown: error,\n"
"                   warning or note (default: a bug-class finding)\n"
"  --exit-zero      exit 0 even when findings are shown\n"
"  -p DIR           read DIR/compile_commands.json for each FILE's flags;\n"
"                   with no FILE, analyse every file it lists\n"
"  --resource-dir=DIR  clang's builtin headers (default: set at build time,\n"
"                   or $ESCAPE_CHECK_RESOURCE_DIR)\n"
"  --model=FILE     load another model table (JSON) after the C library's\n"
"  -d LETTERS       dump internals: g graph, s solver result, m summaries,\n"
"                   o batch order\n"
"  --lsp            run as a language server on stdin/stdout (docs/editors.md)\n"
"  --shard=K/N      analyse only every Nth file from the Kth (1-based)\n"
"  -j N             analyse N files at a time (worker processes)\n"
"  --merge          FILEs are JSON reports (--format=json): report them as one\n"
"  --version        print the version of escape-check and of libclang\n"
"  -h, --help       print this help\n"
"  -- ARGS          pass ARGS (-I, -D, -std=...) to the parser\n";

/* after the list of codes */
static const char usage_end[] =
"Exit status: 0 no bug found, 1 a dangling stack address or a heap leak\n"
"found (or a finding at --fail-on), 2 usage error, unreadable input or a\n"
"file that does not parse.\n"
"See escape-check(1), docs/diagnostics.md and docs/output.md.\n";

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
		free(fn->seq_region);
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

/* What the command line asks for, beyond struct options. */
static struct {
	struct ptrvec files, models;
	int mcount, lsp, exit_zero;
	int shard_k, shard_n;		/* --shard K/N, or 0 */
	int jobs;			/* -j N */
	int merge;			/* --merge: FILEs are JSON reports */
	int own_files;			/* files came from compile_commands.json */
	int fail_on;		/* a severity, or -1: bug-class findings */
	const char *output;	/* -o FILE, or NULL */
	const char *stdin_name;	/* --stdin-filename */
	int stdin_used;		/* FILE '-' was given */
	char *stdin_text;	/* what it held, parsed in place of the file */
	enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color;
} cli = {.fail_on = -1};

/* The value of option name in argv[*i], written "name=VALUE" or "name
 * VALUE" (then *i moves past VALUE); NULL if argv[*i] is not name. */
static const char *
value_of(const char *name, int argc, char **argv, int *i)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) || (a[n] && a[n] != '='))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (*i + 1 >= argc)
		usage_error("%s needs a value", name);
	return argv[++*i];
}

static const char *
code_list(void)
{
	static char buf[512];
	size_t n = 0;
	for (int c = 0; c < DIAG__COUNT; c++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", c ? ", " : "",
				      diag_table[c].code);
	return buf;
}

/* --enable / --disable: a comma-separated list of codes, or all. */
static void
set_codes(const char *list, enum code_state state)
{
	if (!list[0])
		usage_error("%s", "--enable and --disable need codes");
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		int found = 0;
		for (int c = 0; c < DIAG__COUNT; c++) {
			const char *code = diag_table[c].code;
			if ((n == 3 && !strncmp(p, "all", 3)) ||
			    (strlen(code) == n && !strncmp(p, code, n))) {
				diag_set_state(c, state);
				found = 1;
			}
		}
		if (!found) {
			char what[128];
			snprintf(what, sizeof what, "%.*s", (int)n, p);
			fprintf(stderr, "%s: error: unknown code '%s' (the codes: all, %s)\n",
				ec_progname, what, code_list());
			exit(2);
		}
		p += n;
		p += *p == ',';
	}
}

static void
parse_args(int argc, char **argv)
{
	const char *v;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			opt.clang_args = (const char **)argv + i + 1;
			opt.nclang_args = argc - i - 1;
			break;
		} else if (!strcmp(a, "-m")) {
			cli.mcount++;
		} else if (!strncmp(a, "-m=", 3)) {
			cli.mcount = parse_level(a + 3);
		} else if (!strcmp(a, "-mm")) {
			cli.mcount += 2;
		} else if ((v = value_of("--format", argc, argv, &i))) {
			if (!strcmp(v, "text"))
				opt.format = FMT_TEXT;
			else if (!strcmp(v, "gcc"))
				opt.format = FMT_GCC;
			else if (!strcmp(v, "json"))
				opt.format = FMT_JSON;
			else if (!strcmp(v, "sarif"))
				opt.format = FMT_SARIF;
			else
				usage_error("unknown format '%s' (text, gcc, json or sarif)", v);
		} else if (!strcmp(a, "-o")) {
			if (i + 1 >= argc)
				usage_error("%s needs a file name", a);
			cli.output = argv[++i];
		} else if (!strncmp(a, "-o", 2)) {
			cli.output = a + 2;
		} else if ((v = value_of("--stdin-filename", argc, argv, &i))) {
			if (!v[0])
				usage_error("%s", "--stdin-filename needs a file name");
			cli.stdin_name = v;
		} else if (!strcmp(a, "--color")) {
			cli.color = COLOR_ALWAYS;
		} else if (!strncmp(a, "--color=", 8)) {
			v = a + 8;
			if (!strcmp(v, "auto"))
				cli.color = COLOR_AUTO;
			else if (!strcmp(v, "always"))
				cli.color = COLOR_ALWAYS;
			else if (!strcmp(v, "never"))
				cli.color = COLOR_NEVER;
			else
				usage_error("unknown --color value '%s' (auto, always or never)", v);
		} else if ((v = value_of("--enable", argc, argv, &i))) {
			set_codes(v, CODE_ON);
		} else if ((v = value_of("--disable", argc, argv, &i))) {
			set_codes(v, CODE_OFF);
		} else if ((v = value_of("--fail-on", argc, argv, &i))) {
			if (!strcmp(v, "error"))
				cli.fail_on = SEV_ERROR;
			else if (!strcmp(v, "warning"))
				cli.fail_on = SEV_WARNING;
			else if (!strcmp(v, "note"))
				cli.fail_on = SEV_NOTE;
			else
				usage_error("unknown --fail-on level '%s' (error, warning or note)", v);
		} else if (!strcmp(a, "--exit-zero")) {
			cli.exit_zero = 1;
		} else if (!strcmp(a, "-p")) {
			if (i + 1 >= argc)
				usage_error("%s needs a directory", a);
			opt.compdb_dir = argv[++i];
		} else if (!strncmp(a, "-p", 2)) {
			opt.compdb_dir = a + 2;
		} else if ((v = value_of("--resource-dir", argc, argv, &i))) {
			opt.resource_dir = v;
		} else if (!strncmp(a, "--model=", 8)) {
			pv_push(&cli.models, (void *)(a + 8));
		} else if (!strcmp(a, "-d")) {
			if (i + 1 >= argc)
				usage_error("%s needs letters (g, s, m, o)", a);
			opt.dump = argv[++i];
		} else if (!strncmp(a, "-d", 2)) {
			opt.dump = a + 2;
		} else if (!strcmp(a, "--lsp")) {
			cli.lsp = 1;
		} else if (!strcmp(a, "-j") || (!strncmp(a, "-j", 2) && a[2] >= '0' && a[2] <= '9') ||
			   !strncmp(a, "--jobs=", 7)) {
			const char *n = !strcmp(a, "-j") ? (i + 1 < argc ? argv[++i] : "")
				      : a[1] == 'j' ? a + 2 : a + 7;
			char *end;
			long j = strtol(n, &end, 10);
			if (!*n || *end || j < 1 || j > 256)
				usage_error("bad -j '%s' (a number of workers from 1 to 256)", n);
			cli.jobs = (int)j;
		} else if (!strcmp(a, "--merge")) {
			cli.merge = 1;
		} else if ((v = value_of("--shard", argc, argv, &i))) {
			char *end;
			cli.shard_k = (int)strtol(v, &end, 10);
			cli.shard_n = *end == '/' ? (int)strtol(end + 1, &end, 10) : 0;
			if (*end || cli.shard_n < 1 || cli.shard_k < 1 || cli.shard_k > cli.shard_n)
				usage_error("bad --shard '%s' (K/N with 1 <= K <= N)", v);
		} else if (!strcmp(a, "--version")) {
			printf("escape-check %s (libclang: %s)\n", EC_VERSION, cx_clang_version());
			exit(0);
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_text, stdout);
			/* the codes, from diag.def, in lines of at most 78 columns */
			int col = printf("\nCodes:");
			for (int c = 0; c < DIAG__COUNT; c++) {
				const char *code = diag_table[c].code;
				if (col + (int)strlen(code) + 2 > 78)
					col = printf("\n");
				col += printf(" %s%s", code, c + 1 < DIAG__COUNT ? "," : ".");
			}
			printf("\n\n%s", usage_end);
			exit(0);
		} else if (!strcmp(a, "-")) {
			if (cli.stdin_used)
				usage_error("%s", "standard input ('-') can be read only once");
			cli.stdin_used = 1;
			pv_push(&cli.files, (void *)a);
		} else if (a[0] == '-') {
			usage_error("unknown option '%s'", a);
		} else {
			pv_push(&cli.files, (void *)a);
		}
	}
	if (!cli.files.n && !cli.lsp && !opt.compdb_dir)
		usage_error("%s", "no input file");
	if (cli.stdin_name && !cli.stdin_used)
		usage_error("%s", "--stdin-filename names standard input, but '-' is not among the files");
	if (opt.dump && strspn(opt.dump, "gsmo") != strlen(opt.dump))
		usage_error("unknown -d letters '%s' (g, s, m, o)", opt.dump);
	opt.level = cli.mcount ? cli.mcount : 1;
}

/* FILE '-': standard input, read whole, parsed under its name (libclang's
 * unsaved file) and registered as that file's text for the reports. */
static void
read_stdin(void)
{
	const char *name = cli.stdin_name ? cli.stdin_name : "<stdin>";
	struct strbuf b = {0};
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
		sb_addn(&b, buf, n);
	if (ferror(stdin))
		fatal("reading standard input:");
	if (!b.s)
		sb_add(&b, "");
	cli.stdin_text = b.s;
	cx_set_unsaved(name, b.s, b.len);
	/* positions carry the name as given, or rebased on the current
	 * directory when it comes back from clang through -p */
	diag_source_set(name, b.s, b.len);
	char *shown = path_display(opt.cwd, opt.cwd, name);
	if (strcmp(shown, name))
		diag_source_set(shown, b.s, b.len);
	free(shown);
	for (int i = 0; i < cli.files.n; i++)
		if (!strcmp(cli.files.v[i], "-"))
			cli.files.v[i] = (void *)name;
}

/* --color: auto is a terminal whose TERM is not dumb, unless NO_COLOR is
 * set (no-color.org); CLICOLOR_FORCE forces it on. The command line wins
 * over the environment. */
static int
use_color(FILE *out)
{
	if (cli.color != COLOR_AUTO)
		return cli.color == COLOR_ALWAYS;
	const char *no = getenv("NO_COLOR"), *force = getenv("CLICOLOR_FORCE");
	if (no && no[0])
		return 0;
	if (force && force[0] && strcmp(force, "0"))
		return 1;
	const char *term = getenv("TERM");
	return term && strcmp(term, "dumb") && isatty(fileno(out));
}

static int
real_main(int argc, char **argv)
{
	char cwd[PATH_MAX];

	opt.resource_dir = getenv("ESCAPE_CHECK_RESOURCE_DIR");
	if (!opt.resource_dir || !opt.resource_dir[0])
		opt.resource_dir = EC_DEFAULT_RESOURCE_DIR;
	parse_args(argc, argv);
	if (!getcwd(cwd, sizeof cwd))
		fatal("cannot read the current directory:");
	opt.cwd = cwd;

	char probe[PATH_MAX + 32];
	snprintf(probe, sizeof probe, "%s/include/stddef.h", opt.resource_dir);
	if (!file_exists(probe))
		fatal("clang builtin headers not found in %s (install libclang-common-19-dev or pass --resource-dir)",
		      opt.resource_dir);
	model_load(find_models());
	for (int i = 0; i < cli.models.n; i++)
		model_load(cli.models.v[i]);
	if (cli.lsp)
		return lsp_main();

	FILE *out = stdout;
	if (cli.output && strcmp(cli.output, "-")) {
		out = fopen(cli.output, "w");
		if (!out)
			fatal("%s:", cli.output);
	}
	opt.color = (opt.format == FMT_TEXT || opt.format == FMT_GCC) && use_color(out);
	if (cli.stdin_used)
		read_stdin();

	struct ptrvec *files = &cli.files;
	if (!files->n && opt.compdb_dir) {	/* -p DIR alone: the whole project */
		cx_compdb_files(opt.compdb_dir, files);
		cli.own_files = 1;
	}
	if (cli.shard_n > 1) {
		/* --shard K/N: every Nth file from the Kth, so the shards of a CI
		 * matrix cover the project once, whatever the machine */
		int k = 0;
		for (int i = 0; i < files->n; i++) {
			if (i % cli.shard_n == cli.shard_k - 1)
				files->v[k++] = files->v[i];
			else if (cli.own_files)
				free(files->v[i]);
		}
		files->n = k;
	}
	int failed = 0;
	if (cli.merge) {
		merge_files((const char **)files->v, files->n);	/* reports, not sources */
		failed = diag_nerrors() > 0;
	} else if (cli.jobs > 1 && files->n > 1 && !cli.stdin_used && !opt.dump) {
		if (parallel_analyze((const char **)files->v, files->n,
				     cli.jobs < files->n ? cli.jobs : files->n) != 0)
			failed = 1;
	} else if (files->n > 1 && !cli.merge) {
		/* first pass: summaries only, so calls between the files use them */
		opt.quiet = 1;
		for (int i = 0; i < files->n; i++)
			analyze(files->v[i]);
		opt.quiet = 0;
	}
	if (!cli.merge && !(cli.jobs > 1 && files->n > 1 && !cli.stdin_used && !opt.dump))
		for (int i = 0; i < files->n; i++)
			if (analyze(files->v[i]) != 0)
				failed = 1;

	diag_sort();
	switch (opt.format) {
	case FMT_TEXT: report_text(out, opt.level); break;
	case FMT_GCC: report_gcc(out, opt.level); break;
	case FMT_JSON: report_json(out, opt.level); break;
	case FMT_SARIF: report_sarif(out, opt.level); break;
	}
	int status = failed ? 2 : !cli.exit_zero && diag_failures(opt.level, cli.fail_on) ? 1 : 0;
	if (fflush(out) != 0 || (out != stdout && fclose(out) != 0))
		fatal("writing the report to %s:", out == stdout ? "standard output" : cli.output);

	diag_free_all();
	summary_free_all();
	model_free_all();
	cx_shutdown();
	free(cli.stdin_text);
	if (cli.own_files)
		for (int i = 0; i < cli.files.n; i++)
			free(cli.files.v[i]);
	pv_free(&cli.files);
	pv_free(&cli.models);
	return status;
}

/* The analysis runs on a thread with a large stack: lowering follows the
 * syntax tree recursively (a sum of thousands of terms is that deep), and
 * with LIBCLANG_NOTHREADS libclang parses on this thread too instead of
 * on its own 8 MiB one. The stack is reserved, not used: pages are
 * touched only as deep as the input goes. */
#include <pthread.h>

#define EC_STACK_SIZE ((size_t)1 << 30)

struct main_args {
	int argc;
	char **argv;
	int status;
};

static void *
main_thread(void *p)
{
	struct main_args *a = p;
	a->status = real_main(a->argc, a->argv);
	return NULL;
}

int
main(int argc, char **argv)
{
	struct main_args a = {argc, argv, 2};
	pthread_attr_t attr;
	pthread_t t;
	/* the language server forks a child per analysis, and a child of a
	 * process with threads is a poor place for sanitizers' exit checks:
	 * it keeps the main thread (a crash there costs one analysis) */
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--lsp"))
			return real_main(argc, argv);
	setenv("LIBCLANG_NOTHREADS", "1", 0);
	if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, EC_STACK_SIZE) != 0 ||
	    pthread_create(&t, &attr, main_thread, &a) != 0)
		return real_main(argc, argv);	/* no big stack: run as we are */
	pthread_attr_destroy(&attr);
	pthread_join(t, NULL);
	return a.status;
}
