/*
 * harness.c -- the benchmark driver of bench.h: Go's testing.B run loop,
 * `go test`'s benchmark flags and its output, line for line.
 *
 *   -bench REGEX       run the benchmarks matching REGEX (Go: nothing runs
 *                      without it).  As in Go, the regex is split at '/'
 *                      (outside brackets and parentheses) and each part is
 *                      matched, unanchored, against one level of the name:
 *                      "AlgorithmOne" selects BenchmarkAlgorithmOne but not
 *                      BenchmarkLarge/AlgorithmOne; "Large/Three" selects
 *                      that one.  POSIX extended regular expressions.
 *   -benchtime D|Nx    run each benchmark for about D (3s, 500ms, 1m) or
 *                      exactly N iterations (1000x); default 1s
 *   -benchmem          print B/op and allocs/op (allocs.c)
 *   -count N           run each benchmark N times (default 1)
 *   -memprofile FILE   write a pprof allocation profile (memprof.c)
 *   -memprofile-list REGEX  print a pprof-style `list REGEX` of the
 *                      allocations, needing no Go
 *   -memprofile-nosym  write addresses and mappings only (pprof must then
 *                      symbolize from the binary; used by the tests)
 *   -list REGEX        list the benchmarks matching REGEX and exit
 *   -run REGEX, -v     accepted and ignored (there are no tests)
 * Flags are written -flag value, -flag=value, with one or two dashes, and
 * may be prefixed with "test." as Go's test binaries accept.
 *
 * Run loop (Go's (*B).run1 and (*B).launch): the function runs once with
 * n = 1, then with n = goal * n_prev / t_prev * 1.2, capped at 100 times
 * the previous n and at least one more, until the measured time reaches
 * -benchtime; with -benchtime Nx it runs with n = N.  Only the last run is
 * reported: ns/op = time / n, B/op and allocs/op = counts / n (integer
 * division, as in Go), MB/s = bytes * n / 1e6 / seconds.
 */
#define _GNU_SOURCE
#include "bench.h"

#include "allocs.h"
#include "memprof.h"

#include <errno.h>
#include <regex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- the timer (Go: StartTimer, StopTimer, ResetTimer) ----------------- */

void b_start_timer(struct B *b)
{
    if (b->timer_on)
        return;
    struct alloc_stats st;
    allocs_read(&st);
    b->start_mallocs = st.mallocs;
    b->start_bytes = st.bytes;
    b->timer_on = 1;
    allocs_on();
    b->start_ns = now_ns();
}

void b_stop_timer(struct B *b)
{
    if (!b->timer_on)
        return;
    int64_t t = now_ns();
    allocs_off();
    struct alloc_stats st;
    allocs_read(&st);
    b->duration_ns += t - b->start_ns;
    b->net_mallocs += st.mallocs - b->start_mallocs;
    b->net_bytes += st.bytes - b->start_bytes;
    b->timer_on = 0;
}

void b_reset_timer(struct B *b)
{
    if (b->timer_on) {
        allocs_profile_discard();
        allocs_off();
        struct alloc_stats st;
        allocs_read(&st);
        b->start_mallocs = st.mallocs;
        b->start_bytes = st.bytes;
        allocs_on();
        b->start_ns = now_ns();
    }
    b->duration_ns = 0;
    b->net_mallocs = 0;
    b->net_bytes = 0;
}

void b_set_bytes(struct B *b, int64_t n) { b->bytes_per_op = n; }

static void run_n(struct B *b, void (*fn)(struct B *), long n)
{
    memset(b, 0, sizeof *b);
    b->n = n;
    b_reset_timer(b);
    b_start_timer(b);
    fn(b);
    b_stop_timer(b);
}

/* ---- flags --------------------------------------------------------------- */

static const char *opt_bench, *opt_list, *opt_memprofile, *opt_memlist;
static int opt_benchmem, opt_nosym;
static long opt_count = 1;
static int64_t opt_benchtime_ns = 1000000000;
static long opt_benchtime_n;        /* > 0: -benchtime Nx */

static const char *prog = "stream-bench";

static int usage(FILE *f)
{
    fprintf(f,
            "usage: %s [-bench REGEX] [-benchtime D|Nx] [-benchmem] [-count N]\n"
            "       [-memprofile FILE] [-memprofile-list REGEX] [-list REGEX]\n"
            "\n"
            "Runs the benchmarks matching REGEX with `go test -bench`'s flags and\n"
            "output.  -benchmem adds B/op and allocs/op, counted by interposing\n"
            "malloc/calloc/realloc/free during the measured loop; -memprofile\n"
            "writes those allocations as a pprof profile (go tool pprof\n"
            "-sample_index=alloc_space -list FUNC %s FILE); -memprofile-list\n"
            "prints the same per-line listing without Go.\n",
            prog, prog);
    return f == stderr ? 2 : 0;
}

static int flag_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", prog);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    usage(stderr);
    return 2;
}

/* Go's time.ParseDuration, for the units -benchtime needs. */
static int parse_duration(const char *s, int64_t *ns)
{
    static const struct { const char *u; double f; } units[] = {
        { "ns", 1 }, { "us", 1e3 }, { "\xc2\xb5s", 1e3 }, { "ms", 1e6 },
        { "s", 1e9 }, { "m", 60e9 }, { "h", 3600e9 },
    };
    double total = 0;
    if (strcmp(s, "0") == 0) {
        *ns = 0;
        return 0;
    }
    if (*s == '\0')
        return -1;
    while (*s) {
        char *end;
        errno = 0;
        double v = strtod(s, &end);
        if (end == s || errno || v < 0 || *s == '+' || *s == '-')
            return -1;
        s = end;
        size_t best = 0, bi = 0;
        for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
            size_t l = strlen(units[i].u);
            if (strncmp(s, units[i].u, l) == 0 && l > best) {
                best = l;
                bi = i;
            }
        }
        if (best == 0)
            return -1;
        total += v * units[bi].f;
        s += best;
    }
    *ns = (int64_t)total;
    return 0;
}

static int parse_benchtime(const char *s)
{
    size_t n = strlen(s);
    if (n > 1 && s[n - 1] == 'x') {
        char *end;
        errno = 0;
        long v = strtol(s, &end, 10);
        if (end != s + n - 1 || errno || v <= 0)
            return flag_error("invalid -benchtime count: %s (want N > 0 in Nx)", s);
        opt_benchtime_n = v;
        return 0;
    }
    if (parse_duration(s, &opt_benchtime_ns) != 0)
        return flag_error("invalid -benchtime: %s (want a duration such as 3s or a count such as 1000x)", s);
    opt_benchtime_n = 0;
    return 0;
}

static int parse_flags(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0')
            return flag_error("unexpected argument: %s", a);
        a += a[1] == '-' ? 2 : 1;
        if (strncmp(a, "test.", 5) == 0)
            a += 5;
        char name[64];
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        size_t nl = eq ? (size_t)(eq - a) : strlen(a);
        if (nl >= sizeof name)
            return flag_error("flag provided but not defined: %s", argv[i]);
        memcpy(name, a, nl);
        name[nl] = '\0';
        if (eq)
            val = eq + 1;

        if (strcmp(name, "h") == 0 || strcmp(name, "help") == 0) {
            usage(stdout);
            exit(0);
        }
        static const char *const bools[] = { "benchmem", "v", "memprofile-nosym" };
        int is_bool = 0;
        for (size_t k = 0; k < sizeof bools / sizeof bools[0]; k++)
            if (strcmp(name, bools[k]) == 0)
                is_bool = 1;
        int on = 1;
        if (is_bool) {
            if (val && (strcmp(val, "false") == 0 || strcmp(val, "0") == 0))
                on = 0;
            else if (val && strcmp(val, "true") != 0 && strcmp(val, "1") != 0)
                return flag_error("invalid boolean value for flag: %s", argv[i]);
            if (strcmp(name, "benchmem") == 0)
                opt_benchmem = on;
            else if (strcmp(name, "memprofile-nosym") == 0)
                opt_nosym = on;
            continue;
        }
        static const char *const valued[] = { "bench", "benchtime", "count", "memprofile",
                                              "memprofile-list", "list", "run" };
        int known = 0;
        for (size_t k = 0; k < sizeof valued / sizeof valued[0]; k++)
            if (strcmp(name, valued[k]) == 0)
                known = 1;
        if (!known)
            return flag_error("flag provided but not defined: %s", argv[i]);
        if (val == NULL) {
            if (i + 1 >= argc)
                return flag_error("flag needs an argument: %s", argv[i]);
            val = argv[++i];
        }
        if (strcmp(name, "bench") == 0) {
            opt_bench = val;
        } else if (strcmp(name, "benchtime") == 0) {
            if (parse_benchtime(val) != 0)
                return 2;
        } else if (strcmp(name, "count") == 0) {
            char *end;
            errno = 0;
            opt_count = strtol(val, &end, 10);
            if (*val == '\0' || *end || errno || opt_count < 1)
                return flag_error("invalid -count: %s (want a positive integer)", val);
        } else if (strcmp(name, "memprofile") == 0) {
            opt_memprofile = val;
        } else if (strcmp(name, "memprofile-list") == 0) {
            opt_memlist = val;
        } else if (strcmp(name, "list") == 0) {
            opt_list = val;
        }                                   /* -run: ignored */
    }
    return 0;
}

/* ---- name matching (Go's splitRegexp and per-level match) --------------- */

enum { MAX_LEVELS = 8 };

struct matcher {
    int n;
    regex_t re[MAX_LEVELS];
};

static int matcher_init(struct matcher *m, const char *pattern)
{
    m->n = 0;
    char part[1024];
    size_t len = 0;
    int depth_paren = 0, in_bracket = 0;
    for (const char *p = pattern;; p++) {
        int split = *p == '\0' || (*p == '/' && depth_paren == 0 && !in_bracket);
        if (split) {
            part[len] = '\0';
            if (m->n == MAX_LEVELS)
                return flag_error("-bench: too many '/' levels in %s", pattern);
            if (regcomp(&m->re[m->n], len ? part : ".*", REG_EXTENDED | REG_NOSUB) != 0)
                return flag_error("invalid regular expression: %s", pattern);
            m->n++;
            len = 0;
            if (*p == '\0')
                break;
            continue;
        }
        if (len + 2 >= sizeof part)
            return flag_error("-bench: regular expression too long: %s", pattern);
        if (*p == '\\' && p[1]) {
            part[len++] = *p++;
        } else if (in_bracket) {
            if (*p == ']')
                in_bracket = 0;
        } else if (*p == '[') {
            in_bracket = 1;
            if (p[1] == ']' || (p[1] == '^' && p[2] == ']')) {  /* leading ] is literal */
                part[len++] = *p++;
                if (*p == '^')
                    part[len++] = *p++;
            }
        } else if (*p == '(') {
            depth_paren++;
        } else if (*p == ')') {
            depth_paren--;
        }
        part[len++] = *p;
    }
    return 0;
}

/* NAME is "Foo" or "Large/Foo"; level 0 is matched as "BenchmarkFoo". */
static int matches(const struct matcher *m, const char *name)
{
    char level[256];
    const char *p = name;
    for (int i = 0; *p || i == 0; i++) {
        size_t l = strcspn(p, "/");
        if (i >= m->n)
            return 1;
        snprintf(level, sizeof level, "%s%.*s", i == 0 ? "Benchmark" : "", (int)l, p);
        if (regexec(&m->re[i], level, 0, NULL, 0) != 0)
            return 0;
        p += l;
        if (*p == '/')
            p++;
        else
            break;
    }
    return 1;
}

/* ---- output ------------------------------------------------------------- */

static int ncpus(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void print_header(const char *pkg)
{
    struct utsname u;
    const char *arch;
#if defined(__x86_64__)
    arch = "amd64";
#elif defined(__aarch64__)
    arch = "arm64";
#elif defined(__i386__)
    arch = "386";
#else
    arch = uname(&u) == 0 ? u.machine : "unknown";
#endif
    (void)u;
    printf("goos: linux\ngoarch: %s\npkg: %s\n", arch, pkg);
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[512];
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *c = strchr(line, ':');
            if (c) {
                c++;
                while (*c == ' ' || *c == '\t')
                    c++;
                line[strcspn(line, "\n")] = '\0';
                printf("cpu: %s\n", c);
            }
            break;
        }
    }
    if (f)
        fclose(f);
}

/* Go's prettyPrint: ten places before the point, small numbers with four
 * significant figures. */
static void pretty(double x, const char *unit)
{
    const char *fmt;
    double y = x < 0 ? -x : x;
    if (y == 0 || y >= 999.95) fmt = "%10.0f %s";
    else if (y >= 99.995) fmt = "%12.1f %s";
    else if (y >= 9.9995) fmt = "%13.2f %s";
    else if (y >= 0.99995) fmt = "%14.3f %s";
    else if (y >= 0.099995) fmt = "%15.4f %s";
    else if (y >= 0.0099995) fmt = "%16.5f %s";
    else if (y >= 0.00099995) fmt = "%17.6f %s";
    else fmt = "%18.7f %s";
    printf(fmt, x, unit);
}

static void print_result(const struct B *b)
{
    printf("%8ld", b->n);
    double ns = (double)b->duration_ns / (double)b->n;
    if (ns != 0) {
        putchar('\t');
        pretty(ns, "ns/op");
    }
    if (b->bytes_per_op > 0 && b->duration_ns > 0)
        printf("\t%7.2f MB/s", (double)b->bytes_per_op * (double)b->n / 1e6 /
                                   ((double)b->duration_ns / 1e9));
    if (opt_benchmem)
        printf("\t%8llu B/op\t%8llu allocs/op",
               (unsigned long long)(b->net_bytes / (uint64_t)b->n),
               (unsigned long long)(b->net_mallocs / (uint64_t)b->n));
    putchar('\n');
}

static void run_benchmark(struct B *b, void (*fn)(struct B *))
{
    run_n(b, fn, 1);                                    /* run1 */
    if (opt_benchtime_n > 0) {
        if (opt_benchtime_n > 1)
            run_n(b, fn, opt_benchtime_n);
        return;
    }
    int64_t goal = opt_benchtime_ns;
    for (long n = 1; b->duration_ns < goal && n < 1000000000;) {
        long last = n;
        int64_t prev_ns = b->duration_ns > 0 ? b->duration_ns : 1;
        double want = (double)goal * (double)b->n / (double)prev_ns;
        want += want / 5;
        if (want > 100.0 * (double)last)
            want = 100.0 * (double)last;
        n = want < (double)last + 1 ? last + 1 : (long)want;
        if (n > 1000000000)
            n = 1000000000;
        run_n(b, fn, n);
    }
}

int bench_main(int argc, char **argv, const char *pkg,
               const struct benchmark *list, unsigned count)
{
    if (argc > 0 && argv[0][0]) {
        const char *slash = strrchr(argv[0], '/');
        prog = slash ? slash + 1 : argv[0];
    }
    int rc = parse_flags(argc, argv);
    if (rc != 0)
        return rc;
    setvbuf(stdout, NULL, _IOLBF, 0);

    if (opt_list) {
        struct matcher m;
        if (matcher_init(&m, opt_list) != 0)
            return 2;
        for (unsigned i = 0; i < count; i++)
            if (matches(&m, list[i].name))
                printf("Benchmark%s\n", list[i].name);
        return 0;
    }

    allocs_init();
    if (opt_memprofile || opt_memlist)
        allocs_profile_enable();

    struct timespec wall;
    clock_gettime(CLOCK_REALTIME, &wall);
    int64_t t0 = now_ns();

    if (opt_bench) {
        struct matcher m;
        if (matcher_init(&m, opt_bench) != 0)
            return 2;
        int procs = ncpus();
        char suffix[16] = "";
        if (procs != 1)
            snprintf(suffix, sizeof suffix, "-%d", procs);
        size_t maxlen = 0;
        for (unsigned i = 0; i < count; i++)
            if (matches(&m, list[i].name)) {
                size_t l = strlen("Benchmark") + strlen(list[i].name) + strlen(suffix);
                if (l > maxlen)
                    maxlen = l;
            }
        int header = 0;
        for (unsigned i = 0; i < count; i++) {
            if (!matches(&m, list[i].name))
                continue;
            if (!header) {
                print_header(pkg);
                header = 1;
            }
            char full[300];
            snprintf(full, sizeof full, "Benchmark%s%s", list[i].name, suffix);
            for (long c = 0; c < opt_count; c++) {
                struct B b;
                printf("%-*s\t", (int)maxlen, full);
                fflush(stdout);
                run_benchmark(&b, list[i].fn);
                print_result(&b);
            }
        }
        if (!header)
            fprintf(stderr, "%s: warning: no benchmarks match -bench %s\n", prog, opt_bench);
    } else {
        fprintf(stderr, "%s: no -bench flag: nothing to run (try -bench .)\n", prog);
    }

    int64_t elapsed = now_ns() - t0;
    int failed = 0;
    if (opt_memprofile &&
        memprof_write(opt_memprofile, (int64_t)wall.tv_sec * 1000000000 + wall.tv_nsec,
                      elapsed, !opt_nosym) != 0)
        failed = 1;
    if (opt_memlist && memprof_list(stdout, opt_memlist) != 0)
        failed = 1;
    if (failed) {
        printf("FAIL\n");
        return 1;
    }
    printf("PASS\n");
    return 0;
}
