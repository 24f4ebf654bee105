/*
 * errorcheck: the test runner for escape-check (Go's errorcheck, for C).
 *
 *     errorcheck --tool PATH/TO/escape-check [--bless] FILE.c...
 *
 * A test is a C file whose comments say what escape-check must report on
 * it (docs/testing.md).  Directives, each in a `//` comment:
 *
 *   // check-flags: ARGS      arguments for the tool, split on whitespace
 *                             (default: -m).  Arguments after a `--` go to
 *                             the parser, so the file name is placed before
 *                             the `--`.
 *   // check-exit-value: N    the tool's expected exit status.  Without it,
 *                             any status but 0 (clean) and 1 (findings)
 *                             fails: 2 means the tool could not analyse the
 *                             file, which a test must say it expects.
 *   // check-known-to-fail    an expected failure: the file passes if some
 *                             check fails, and fails if every check passes
 *                             (so the marker is removed once it is fixed).
 *                             Broken tests (bad regexps, unreadable files,
 *                             a tool that cannot be started) still fail.
 *   // ERROR "re" "re"...     the diagnostics whose primary position is on
 *                             this line.  Each pattern is a POSIX extended
 *                             regular expression matched, unanchored, against
 *                             the diagnostic's message only.  `\"` in a
 *                             pattern is a literal `"`; `\\` stays `\\` (a
 *                             literal backslash in the regexp); any other
 *                             backslash is passed to regcomp unchanged.
 *
 * A line containing `////` is ignored altogether (a disabled annotation).
 *
 * The runner runs the tool in the file's directory on the file's base name,
 * adding --format=json (unless the flags already hold it) just before the
 * base name, and checks the diagnostics whose "file" is that base name and
 * the exit status of that run.  The rules are Go's: every pattern must match at least one
 * diagnostic on its line, and every diagnostic must be matched by at least
 * one pattern on its line, so a missing diagnostic and an unexpected one
 * both fail.  Diagnostics in any other file fail too: the tool should not
 * produce them for a test file.
 *
 * A golden output may follow, in a block comment, between two marker lines:
 *
 *   /\* check-output-start
 *   t.c:3:6: address of x escapes its frame (dangling after return)
 *   check-output-end *\/
 *
 * (`/\*` and `*\/` stand for the comment delimiters.)  The lines between the
 * markers, verbatim, are the exact standard output of `escape-check FLAGS
 * BASENAME` run a second time without the added --format=json.  --bless
 * rewrites that block (and only that block) with the actual output.  It is
 * meant to be a trailer: if the block is followed by code and blessing
 * would change its length, the runner refuses, since every line number
 * after it would move.
 *
 * Output: one line per failure (`FILE:LINE: ...`), `FAIL FILE` after a failing
 * file, and a final `errorcheck: N passed, M failed`.  Exit status 0 when
 * every file passes, 1 when one fails, 2 on a usage error.
 */
#define _XOPEN_SOURCE 700   /* POSIX.1-2008 with XSI: realpath, strsignal */

#include <cjson/cJSON.h>

#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

enum {
    JSON_DUMP_MAX = 500,         /* bytes of non-JSON output shown */
    DIFF_MAX_LINES = 40,         /* differing lines shown in a golden diff */
    DIFF_MAX_CELLS = 4000000,    /* LCS table cap; above it diff by position */
};

/* --- small utilities ---------------------------------------------------- */

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("errorcheck: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* Grow *arr (of *cap elements of size sz) to hold at least need elements. */
static void grow(void *arr, size_t *cap, size_t need, size_t sz)
{
    void **a = arr;
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    *a = xrealloc(*a, n * sz);
    *cap = n;
}

/* A growable byte buffer, always NUL-terminated once anything is added. */
struct buf {
    char *data;
    size_t len, cap;
};

static void buf_add(struct buf *b, const void *p, size_t n)
{
    grow(&b->data, &b->cap, b->len + n + 1, 1);
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_puts(struct buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    grow(&b->data, &b->cap, b->len + (size_t)n + 1, 1);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

static void buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

static void buf_free(struct buf *b)
{
    free(b->data);
    *b = (struct buf){0};
}

static bool read_file(const char *path, struct buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(b, chunk, n);
    bool ok = !ferror(f);
    fclose(f);
    if (ok && !b->data)
        buf_add(b, "", 0);
    return ok;
}

/* Append s[0..n) to b with non-printing bytes, quotes and backslashes
 * escaped, C style. */
static void buf_escape(struct buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '"':  buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        default:
            if (c < 0x20 || c >= 0x7f)
                buf_printf(b, "\\x%02x", c);
            else
                buf_add(b, &s[i], 1);
        }
    }
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* --- the test file ------------------------------------------------------ */

struct line {             /* one source line, without its '\n' */
    const char *text;
    size_t len;
};

struct pattern {          /* one quoted regexp of an ERROR annotation */
    long line;
    char *src;            /* the regexp as given to regcomp */
    regex_t re;
    bool compiled;
    bool matched;
};

struct msg {              /* one line (or block) of the report */
    long line;            /* 0: about the whole file */
    size_t seq;           /* creation order, to keep sorting stable */
    char *text;
};

struct test {
    const char *path;     /* as given on the command line */
    char *dir, *base;     /* where and on what the tool runs */
    struct buf src;
    struct line *lines;
    size_t nlines, cap_lines;

    char **flags;         /* check-flags, or NULL for the default */
    size_t nflags, cap_flags;
    bool have_flags;
    bool have_exit;
    int exit_value;
    bool known_to_fail;
    bool have_block;
    size_t block_start, block_end;  /* 0-based indices of the marker lines */

    struct pattern *pats;
    size_t npats, cap_pats;

    struct msg *msgs;
    size_t nmsgs, cap_msgs;
    int hard;             /* broken test: fails even when known to fail */
    int soft;             /* failed checks */
};

enum severity { NOTE, SOFT, HARD };

/* Record a report line about t; line 0 means the file as a whole. */
static void report(struct test *t, long line, enum severity sev, const char *fmt, ...)
{
    struct buf b = {0};
    if (line > 0)
        buf_printf(&b, "%s:%ld: ", t->path, line);
    else
        buf_printf(&b, "%s: ", t->path);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    grow(&t->msgs, &t->cap_msgs, t->nmsgs + 1, sizeof *t->msgs);
    t->msgs[t->nmsgs] = (struct msg){line, t->nmsgs, b.data};
    t->nmsgs++;
    if (sev == HARD)
        t->hard++;
    else if (sev == SOFT)
        t->soft++;
}

static int cmp_msg(const void *a, const void *b)
{
    const struct msg *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sort the report lines recorded since index `from` by source line. */
static void sort_msgs(struct test *t, size_t from)
{
    if (t->nmsgs > from)
        qsort(t->msgs + from, t->nmsgs - from, sizeof *t->msgs, cmp_msg);
}

static void split_lines(struct test *t)
{
    const char *p = t->src.data, *end = p + t->src.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        grow(&t->lines, &t->cap_lines, t->nlines + 1, sizeof *t->lines);
        t->lines[t->nlines++] = (struct line){p, len};
        p += len + (nl != NULL);
    }
}

/* Does the line consist of `keyword`, optionally after a comment opener
 * and before a comment closer? */
static bool is_marker(const struct line *l, const char *keyword)
{
    const char *p = l->text, *end = p + l->len;
    size_t kn = strlen(keyword);
    while (p < end && is_blank(*p))
        p++;
    if (end - p >= 2 && p[0] == '/' && p[1] == '*')
        p += 2;
    while (p < end && is_blank(*p))
        p++;
    if ((size_t)(end - p) < kn || memcmp(p, keyword, kn) != 0)
        return false;
    p += kn;
    while (p < end && is_blank(*p))
        p++;
    if (end - p >= 2 && p[0] == '*' && p[1] == '/')
        p += 2;
    while (p < end && is_blank(*p))
        p++;
    return p == end;
}

/* If [p, end) starts with keyword, return the position after it. */
static const char *skip_keyword(const char *p, const char *end, const char *kw)
{
    size_t n = strlen(kw);
    if ((size_t)(end - p) >= n && memcmp(p, kw, n) == 0)
        return p + n;
    return NULL;
}

static void add_flag(struct test *t, const char *s, size_t n)
{
    grow(&t->flags, &t->cap_flags, t->nflags + 1, sizeof *t->flags);
    t->flags[t->nflags++] = xstrndup(s, n);
}

static void parse_flags(struct test *t, long lineno, const char *p, const char *end)
{
    if (t->have_flags) {
        report(t, lineno, HARD, "second check-flags directive");
        return;
    }
    t->have_flags = true;
    while (p < end) {
        while (p < end && is_blank(*p))
            p++;
        const char *s = p;
        while (p < end && !is_blank(*p))
            p++;
        if (p > s)
            add_flag(t, s, (size_t)(p - s));
    }
}

static void parse_exit_value(struct test *t, long lineno, const char *p, const char *end)
{
    while (p < end && is_blank(*p))
        p++;
    long v = 0;
    const char *s = p;
    while (p < end && *p >= '0' && *p <= '9' && v <= 255)
        v = v * 10 + (*p++ - '0');
    while (p < end && is_blank(*p))
        p++;
    if (p == s || p != end || v > 255) {
        report(t, lineno, HARD, "malformed check-exit-value (want an integer 0-255)");
        return;
    }
    if (t->have_exit)
        report(t, lineno, HARD, "second check-exit-value directive");
    t->have_exit = true;
    t->exit_value = (int)v;
}

/* Parse the quoted patterns of an ERROR annotation in [p, end) and compile
 * them. */
static void parse_patterns(struct test *t, long lineno, const char *p, const char *end)
{
    size_t before = t->npats;
    for (;;) {
        while (p < end && is_blank(*p))
            p++;
        if (p == end)
            break;
        if (*p != '"') {
            report(t, lineno, HARD, "malformed ERROR annotation: expected a quoted pattern, found \"%.*s\"",
                   (int)(end - p), p);
            return;
        }
        struct buf re = {0};
        buf_add(&re, "", 0);
        const char *q = p + 1;
        for (;;) {
            if (q == end) {
                report(t, lineno, HARD, "malformed ERROR annotation: unterminated pattern %.*s",
                       (int)(end - p), p);
                buf_free(&re);
                return;
            }
            if (*q == '"')
                break;
            if (*q == '\\' && q + 1 < end && q[1] == '"') {
                buf_add(&re, "\"", 1);             /* \" is a literal quote */
                q += 2;
            } else if (*q == '\\' && q + 1 < end && q[1] == '\\') {
                buf_add(&re, q, 2);                /* \\ stays an escaped backslash */
                q += 2;
            } else {
                buf_add(&re, q, 1);
                q++;
            }
        }
        grow(&t->pats, &t->cap_pats, t->npats + 1, sizeof *t->pats);
        struct pattern *pat = &t->pats[t->npats++];
        *pat = (struct pattern){.line = lineno, .src = re.data};
        if (re.len == 0) {
            report(t, lineno, HARD, "bad regexp \"\": an empty pattern matches anything");
        } else {
            int err = regcomp(&pat->re, pat->src, REG_EXTENDED | REG_NOSUB);
            if (err == 0) {
                pat->compiled = true;
            } else {
                char ebuf[256];
                regerror(err, &pat->re, ebuf, sizeof ebuf);
                report(t, lineno, HARD, "bad regexp \"%s\": %s", pat->src, ebuf);
            }
        }
        p = q + 1;
    }
    if (t->npats == before)
        report(t, lineno, HARD, "malformed ERROR annotation: no patterns");
}

/* Look for a directive in the `//` comments of one line. */
static void parse_directives(struct test *t, long lineno, const struct line *l)
{
    const char *end = l->text + l->len;
    for (const char *p = l->text; p + 1 < end; p++) {
        if (p[0] != '/' || p[1] != '/')
            continue;
        const char *q = p + 2, *r;
        while (q < end && is_blank(*q))
            q++;
        if ((r = skip_keyword(q, end, "ERROR")) && (r == end || is_blank(*r) || *r == '"')) {
            parse_patterns(t, lineno, r, end);
            return;
        }
        if ((r = skip_keyword(q, end, "check-flags:"))) {
            parse_flags(t, lineno, r, end);
            return;
        }
        if ((r = skip_keyword(q, end, "check-exit-value:"))) {
            parse_exit_value(t, lineno, r, end);
            return;
        }
        if ((r = skip_keyword(q, end, "check-known-to-fail"))) {
            t->known_to_fail = true;
            return;
        }
    }
}

static bool contains(const struct line *l, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + n <= l->len; i++)
        if (memcmp(l->text + i, s, n) == 0)
            return true;
    return false;
}

/* Read the file and its directives; false if it cannot be read at all. */
static bool parse_test(struct test *t)
{
    if (!read_file(t->path, &t->src)) {
        report(t, 0, HARD, "cannot read: %s", strerror(errno));
        return false;
    }
    split_lines(t);
    bool in_block = false;
    for (size_t i = 0; i < t->nlines; i++) {
        const struct line *l = &t->lines[i];
        long lineno = (long)i + 1;
        if (in_block) {                 /* golden output: verbatim */
            if (is_marker(l, "check-output-end")) {
                t->block_end = i;
                in_block = false;
            }
            continue;
        }
        if (contains(l, "////"))
            continue;
        if (is_marker(l, "check-output-start")) {
            if (t->have_block)
                report(t, lineno, HARD, "second check-output block");
            t->have_block = true;
            t->block_start = i;
            in_block = true;
            continue;
        }
        if (is_marker(l, "check-output-end")) {
            report(t, lineno, HARD, "check-output-end without check-output-start");
            continue;
        }
        parse_directives(t, lineno, l);
    }
    if (in_block) {
        report(t, (long)t->block_start + 1, HARD, "check-output-start without check-output-end");
        t->have_block = false;
    }
    return true;
}

static void free_test(struct test *t)
{
    for (size_t i = 0; i < t->npats; i++) {
        if (t->pats[i].compiled)
            regfree(&t->pats[i].re);
        free(t->pats[i].src);
    }
    free(t->pats);
    for (size_t i = 0; i < t->nflags; i++)
        free(t->flags[i]);
    free(t->flags);
    for (size_t i = 0; i < t->nmsgs; i++)
        free(t->msgs[i].text);
    free(t->msgs);
    free(t->lines);
    buf_free(&t->src);
    free(t->dir);
    free(t->base);
}

/* --- running the tool --------------------------------------------------- */

struct run {
    struct buf out;       /* standard output */
    bool exited;          /* else killed by a signal */
    int code;             /* exit status, or the signal */
    char *cmd;            /* the command, for messages */
};

static const char *tool_path;

/* The argument vector: [tool, flags before `--`, (--format=json), base,
 * `--`, flags after]. The strings are borrowed; free only the array. */
static char **make_argv(struct test *t, bool json)
{
    static char dflt[] = "-m", fmt[] = "--format=json";
    static char *dflt_flags[] = {dflt};
    char **flags = t->have_flags ? t->flags : dflt_flags;
    size_t n = t->have_flags ? t->nflags : 1;
    size_t dd = 0;
    while (dd < n && strcmp(flags[dd], "--") != 0)
        dd++;
    bool add_json = json;
    for (size_t i = 0; i < dd; i++)
        if (strcmp(flags[i], fmt) == 0)
            add_json = false;

    char **argv = xrealloc(NULL, (n + 4) * sizeof *argv);
    size_t k = 0;
    argv[k++] = (char *)tool_path;
    for (size_t i = 0; i < dd; i++)
        argv[k++] = flags[i];
    if (add_json)
        argv[k++] = fmt;
    argv[k++] = t->base;
    for (size_t i = dd; i < n; i++)
        argv[k++] = flags[i];
    argv[k] = NULL;
    return argv;
}

/* Run argv in t->dir, capturing standard output (standard error passes
 * through).  False, with a hard failure reported, if it cannot be run. */
static bool run_tool(struct test *t, char **argv, struct run *r)
{
    struct buf cmd = {0};
    buf_printf(&cmd, "cd %s &&", t->dir);
    for (char **a = argv; *a; a++)
        buf_printf(&cmd, " %s", *a);
    r->cmd = cmd.data;

    int out[2], err[2];   /* stdout; exec failure report (close-on-exec) */
    if (pipe(out) != 0) {
        report(t, 0, HARD, "pipe: %s", strerror(errno));
        return false;
    }
    if (pipe(err) != 0) {
        report(t, 0, HARD, "pipe: %s", strerror(errno));
        close(out[0]);
        close(out[1]);
        return false;
    }
    fcntl(err[1], F_SETFD, FD_CLOEXEC);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        report(t, 0, HARD, "fork: %s", strerror(errno));
        close(out[0]); close(out[1]); close(err[0]); close(err[1]);
        return false;
    }
    if (pid == 0) {                          /* child */
        close(out[0]);
        close(err[0]);
        int e = 0;
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) {
            dup2(devnull, STDIN_FILENO);
            close(devnull);
        }
        if (dup2(out[1], STDOUT_FILENO) < 0 || chdir(t->dir) != 0)
            e = errno;
        else {
            close(out[1]);
            execvp(argv[0], argv);
            e = errno;
        }
        ssize_t w = write(err[1], &e, sizeof e);
        (void)w;
        _exit(127);
    }
    close(out[1]);
    close(err[1]);

    int exec_errno = 0;
    ssize_t n;
    while ((n = read(err[0], &exec_errno, sizeof exec_errno)) < 0 && errno == EINTR)
        ;
    close(err[0]);
    bool started = n <= 0;

    char chunk[8192];
    for (;;) {
        n = read(out[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        buf_add(&r->out, chunk, (size_t)n);
    }
    close(out[0]);
    if (!r->out.data)
        buf_add(&r->out, "", 0);

    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            report(t, 0, HARD, "waitpid: %s", strerror(errno));
            return false;
        }
    if (!started) {
        report(t, 0, HARD, "cannot run %s in %s: %s", argv[0], t->dir, strerror(exec_errno));
        return false;
    }
    if (WIFEXITED(status)) {
        r->exited = true;
        r->code = WEXITSTATUS(status);
    } else {
        r->exited = false;
        r->code = WIFSIGNALED(status) ? WTERMSIG(status) : -1;
    }
    return true;
}

static void free_run(struct run *r)
{
    buf_free(&r->out);
    free(r->cmd);
}

/* --- checking the JSON run ---------------------------------------------- */

static const char *json_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool json_num(const cJSON *obj, const char *key, long *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v))
        return false;
    *out = (long)v->valuedouble;
    return true;
}

/* Show the document's "errors" array (the tool's own or the parser's). */
static void note_errors(struct test *t, const cJSON *doc)
{
    const cJSON *errs = cJSON_GetObjectItemCaseSensitive(doc, "errors");
    const cJSON *e;
    cJSON_ArrayForEach(e, errs) {
        if (cJSON_IsString(e)) {
            report(t, 0, NOTE, "note: tool error: %s", e->valuestring);
        } else {
            char *s = cJSON_PrintUnformatted(e);
            report(t, 0, NOTE, "note: tool error: %s", s ? s : "?");
            cJSON_free(s);
        }
    }
}

static void check_status(struct test *t, const struct run *r, const char *what)
{
    if (!r->exited) {
        report(t, 0, SOFT, "%s: tool killed by signal %d (%s)\n  command: %s", what, r->code,
               strsignal(r->code), r->cmd);
        return;
    }
    if (t->have_exit && r->code != t->exit_value)
        report(t, 0, SOFT, "%s: exit status %d, want %d (check-exit-value)\n  command: %s", what,
               r->code, t->exit_value, r->cmd);
    else if (!t->have_exit && r->code != 0 && r->code != 1)
        report(t, 0, SOFT,
               "%s: exit status %d (the tool failed; if that is expected, say // check-exit-value: %d)"
               "\n  command: %s",
               what, r->code, r->code, r->cmd);
}

/* Is any pattern on this line a broken one?  Then its diagnostics are not
 * reported as unexpected: the bad regexp already explains the failure. */
static bool line_has_bad_pattern(const struct test *t, long line)
{
    for (size_t i = 0; i < t->npats; i++)
        if (t->pats[i].line == line && !t->pats[i].compiled)
            return true;
    return false;
}

static void check_json(struct test *t, struct run *r)
{
    int before = t->soft + t->hard;
    check_status(t, r, "json run");

    struct buf *o = &r->out;
    const char *end = NULL;
    cJSON *doc = NULL;
    if (strlen(o->data) == o->len)          /* no NUL bytes in the output */
        doc = cJSON_ParseWithOpts(o->data, &end, 1);
    if (!doc) {
        struct buf b = {0};
        buf_escape(&b, o->data, o->len < JSON_DUMP_MAX ? o->len : JSON_DUMP_MAX);
        report(t, 0, SOFT, "output of the json run is not a JSON document (%zu bytes): \"%s\"%s\n  command: %s",
               o->len, b.data ? b.data : "", o->len > JSON_DUMP_MAX ? "..." : "", r->cmd);
        buf_free(&b);
        return;
    }

    long version = 0;
    const cJSON *diags = cJSON_GetObjectItemCaseSensitive(doc, "diagnostics");
    if (!json_num(doc, "version", &version) || version != 1)
        report(t, 0, SOFT, "json output: \"version\" is not 1");
    if (!cJSON_IsArray(diags)) {
        report(t, 0, SOFT, "json output: no \"diagnostics\" array");
        note_errors(t, doc);
        cJSON_Delete(doc);
        return;
    }

    size_t from = t->nmsgs;
    int idx = 0;
    const cJSON *d;
    cJSON_ArrayForEach(d, diags) {
        idx++;
        const char *file = json_str(d, "file"), *msg = json_str(d, "message");
        const char *code = json_str(d, "code");
        long line = 0, col = 0;
        if (!file || !msg || !json_num(d, "line", &line)) {
            char *s = cJSON_PrintUnformatted(d);
            report(t, 0, SOFT, "json output: diagnostic #%d lacks a file, line or message: %s", idx,
                   s ? s : "?");
            cJSON_free(s);
            continue;
        }
        json_num(d, "column", &col);
        if (!code)
            code = "?";
        if (strcmp(file, t->base) != 0) {
            report(t, 0, SOFT,
                   "diagnostic outside the test file (a tool bug: only %s was analysed): %s:%ld:%ld: %s: %s",
                   t->base, file, line, col, code, msg);
            continue;
        }
        bool matched = false;
        for (size_t i = 0; i < t->npats; i++) {
            struct pattern *p = &t->pats[i];
            if (p->line == line && p->compiled && regexec(&p->re, msg, 0, NULL, 0) == 0) {
                p->matched = true;
                matched = true;
            }
        }
        if (!matched && !line_has_bad_pattern(t, line))
            report(t, line, SOFT, "unexpected diagnostic: %s: %s", code, msg);
    }
    for (size_t i = 0; i < t->npats; i++)
        if (t->pats[i].compiled && !t->pats[i].matched)
            report(t, t->pats[i].line, SOFT, "missing diagnostic matching \"%s\"", t->pats[i].src);
    sort_msgs(t, from);

    if (t->soft + t->hard > before)
        note_errors(t, doc);
    cJSON_Delete(doc);
}

/* --- checking the golden output ----------------------------------------- */

struct span {             /* a line of the expected or actual output */
    const char *text;
    size_t len;
    long num;             /* file line (expected) or output line (actual) */
};

static size_t split_output(const struct buf *b, struct span **out)
{
    size_t n = 0, cap = 0;
    const char *p = b->data, *end = p + b->len;
    *out = NULL;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        grow(out, &cap, n + 1, sizeof **out);
        (*out)[n] = (struct span){p, len, (long)n + 1};
        n++;
        p += len + (nl != NULL);
    }
    return n;
}

static bool span_eq(const struct span *a, const struct span *b)
{
    return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* Append one differing line to a diff, or count it once the diff is full. */
static void diff_emit(struct buf *b, int op, const struct span *s, size_t *shown, size_t *hidden)
{
    if (*shown == DIFF_MAX_LINES) {
        ++*hidden;
        return;
    }
    buf_printf(b, "\n  %c%5ld | ", op, s->num);
    buf_add(b, s->text, s->len);
    ++*shown;
}

/* Append a diff of exp[0..n) and act[0..m) to b: `-` lines are expected
 * (numbered by file line), `+` lines actual (numbered by output line).
 * The lines are aligned on a longest common subsequence when the table is
 * small enough, otherwise compared position by position. */
static void diff_lines(struct buf *b, const struct span *exp, size_t n, const struct span *act, size_t m)
{
    size_t shown = 0, hidden = 0;
    if (n >= DIFF_MAX_CELLS || m >= DIFF_MAX_CELLS || (n + 1) * (m + 1) > DIFF_MAX_CELLS) {
        for (size_t k = 0; k < n || k < m; k++) {
            if (k < n && k < m && span_eq(&exp[k], &act[k]))
                continue;
            if (k < n)
                diff_emit(b, '-', &exp[k], &shown, &hidden);
            if (k < m)
                diff_emit(b, '+', &act[k], &shown, &hidden);
        }
    } else {
        /* L(i, j): length of the LCS of exp[i..n) and act[j..m). */
        size_t w = m + 1;
        uint32_t *L = xrealloc(NULL, (n + 1) * w * sizeof *L);
        for (size_t i = n + 1; i-- > 0;)
            for (size_t j = m + 1; j-- > 0;) {
                if (i == n || j == m)
                    L[i * w + j] = 0;
                else if (span_eq(&exp[i], &act[j]))
                    L[i * w + j] = L[(i + 1) * w + j + 1] + 1;
                else if (L[(i + 1) * w + j] >= L[i * w + j + 1])
                    L[i * w + j] = L[(i + 1) * w + j];
                else
                    L[i * w + j] = L[i * w + j + 1];
            }
        size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && span_eq(&exp[i], &act[j]))
                i++, j++;
            else if (j == m || (i < n && L[(i + 1) * w + j] >= L[i * w + j + 1]))
                diff_emit(b, '-', &exp[i++], &shown, &hidden);
            else
                diff_emit(b, '+', &act[j++], &shown, &hidden);
        }
        free(L);
    }
    if (hidden)
        buf_printf(b, "\n  ... and %zu more differing lines", hidden);
}

/* Replace the lines between the markers with the actual output. */
static void bless(struct test *t, const struct buf *actual)
{
    long start = (long)t->block_start + 1;
    if (strstr(actual->data, "*/")) {
        report(t, start, HARD, "cannot bless: the output contains \"*/\", which would end the comment");
        return;
    }
    size_t old_lines = t->block_end - t->block_start - 1;
    size_t new_lines = 0;
    for (size_t k = 0; k < actual->len; k++)
        new_lines += actual->data[k] == '\n';
    if (actual->len && actual->data[actual->len - 1] != '\n')
        new_lines++;
    if (new_lines != old_lines) {
        /* Only a trailer may change length: nothing but blanks and the
         * comment's end may follow it. */
        const struct line *e = &t->lines[t->block_end];
        const char *p = e->text + e->len, *end = t->src.data + t->src.len;
        bool trailer = true;
        for (; p < end; p++)
            if (!is_blank(*p) && *p != '\n' && *p != '*' && *p != '/')
                trailer = false;
        if (!trailer) {
            report(t, start, HARD,
                   "cannot bless: the check-output block is not at the end of the file and its length "
                   "would change, moving every line after it");
            return;
        }
    }

    struct buf nb = {0};
    const struct line *s = &t->lines[t->block_start], *e = &t->lines[t->block_end];
    size_t head = (size_t)(s->text - t->src.data) + s->len + 1;
    size_t tail = (size_t)(e->text - t->src.data);
    buf_add(&nb, t->src.data, head);
    buf_add(&nb, actual->data, actual->len);
    if (actual->len && actual->data[actual->len - 1] != '\n') {
        buf_add(&nb, "\n", 1);
        report(t, start, NOTE, "note: the output does not end in a newline; the blessed block adds one");
    }
    buf_add(&nb, t->src.data + tail, t->src.len - tail);

    FILE *f = fopen(t->path, "wb");
    bool ok = f != NULL;
    if (f) {
        ok = fwrite(nb.data, 1, nb.len, f) == nb.len;
        ok = fclose(f) == 0 && ok;
    }
    if (ok)
        printf("%s: blessed the check-output block (%zu lines)\n", t->path, new_lines);
    else
        report(t, start, HARD, "cannot bless: writing %s: %s", t->path, strerror(errno));
    buf_free(&nb);
}

static void check_output(struct test *t, struct run *r, bool do_bless)
{
    if (!r->exited) {
        report(t, 0, SOFT, "text run: tool killed by signal %d (%s)\n  command: %s", r->code,
               strsignal(r->code), r->cmd);
        return;
    }
    /* The expected bytes: the block's lines, each ended by a newline. */
    struct buf want = {0};
    buf_add(&want, "", 0);
    for (size_t i = t->block_start + 1; i < t->block_end; i++) {
        buf_add(&want, t->lines[i].text, t->lines[i].len);
        buf_add(&want, "\n", 1);
    }
    const struct buf *got = &r->out;
    if (want.len == got->len && memcmp(want.data, got->data, got->len) == 0) {
        buf_free(&want);
        return;
    }
    buf_free(&want);
    if (do_bless) {
        bless(t, got);
        return;
    }

    size_t n = t->block_end - t->block_start - 1;
    struct span *exp = xrealloc(NULL, (n ? n : 1) * sizeof *exp);
    for (size_t i = 0; i < n; i++) {
        const struct line *l = &t->lines[t->block_start + 1 + i];
        exp[i] = (struct span){l->text, l->len, (long)(t->block_start + 2 + i)};
    }
    struct span *act;
    size_t m = split_output(got, &act);

    struct buf b = {0};
    buf_printf(&b, "check-output differs from the actual output (- expected, by line of %s; + actual, by "
                   "line of output)\n  command: %s", t->base, r->cmd);
    diff_lines(&b, exp, n, act, m);
    if (got->len && got->data[got->len - 1] != '\n')
        buf_puts(&b, "\n  (the actual output does not end in a newline)");
    report(t, (long)t->block_start + 1, SOFT, "%s", b.data);
    buf_free(&b);
    free(exp);
    free(act);
}

/* --- driver ------------------------------------------------------------- */

/* Run every check on one file.  True if the file passes. */
static bool run_test(const char *path, bool do_bless)
{
    struct test t = {.path = path};
    const char *slash = strrchr(path, '/');
    if (slash) {
        t.dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
        t.base = xstrdup(slash + 1);
    } else {
        t.dir = xstrdup(".");
        t.base = xstrdup(path);
    }

    if (parse_test(&t)) {
        char **argv = make_argv(&t, true);
        struct run r = {0};
        if (run_tool(&t, argv, &r))
            check_json(&t, &r);
        free_run(&r);
        free(argv);

        if (t.have_block) {
            argv = make_argv(&t, false);
            r = (struct run){0};
            if (run_tool(&t, argv, &r))
                check_output(&t, &r, do_bless);
            free_run(&r);
            free(argv);
        }
    }

    for (size_t i = 0; i < t.nmsgs; i++)
        printf("%s\n", t.msgs[i].text);
    bool pass;
    if (t.hard)
        pass = false;
    else if (t.known_to_fail && t.soft) {
        printf("XFAIL %s: %d check%s failed, as expected (// check-known-to-fail)\n", path, t.soft,
               t.soft == 1 ? "" : "s");
        pass = true;
    } else if (t.known_to_fail) {
        printf("%s: every check passed, but the file says // check-known-to-fail: remove the directive\n",
               path);
        pass = false;
    } else {
        pass = t.soft == 0;
    }
    if (!pass)
        printf("FAIL %s\n", path);
    free_test(&t);
    return pass;
}

static void usage(FILE *f)
{
    fputs("usage: errorcheck --tool PATH/TO/escape-check [--bless] FILE.c...\n"
          "Checks each annotated test file against escape-check's output (see docs/testing.md).\n"
          "  --tool PATH  the escape-check binary to test\n"
          "  --bless      rewrite check-output blocks with the actual output\n",
          f);
}

int main(int argc, char **argv)
{
    const char *tool = NULL;
    bool do_bless = false;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            first = i + 1;
            break;
        } else if (strcmp(a, "--tool") == 0) {
            if (++i == argc) {
                fputs("errorcheck: --tool needs an argument\n", stderr);
                return 2;
            }
            tool = argv[i];
        } else if (strncmp(a, "--tool=", 7) == 0) {
            tool = a + 7;
        } else if (strcmp(a, "--bless") == 0) {
            do_bless = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "errorcheck: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else {
            first = i;
            break;
        }
    }
    if (!tool || first >= argc) {
        usage(stderr);
        return 2;
    }
    /* The tool runs in each test's directory: make a relative path absolute
     * first.  A bare name is looked up in PATH by execvp. */
    char *resolved = NULL;
    if (strchr(tool, '/')) {
        resolved = realpath(tool, NULL);
        if (!resolved) {
            fprintf(stderr, "errorcheck: %s: %s\n", tool, strerror(errno));
            return 2;
        }
        tool = resolved;
    }
    tool_path = tool;

    int passed = 0, failed = 0;
    for (int i = first; i < argc; i++) {
        if (run_test(argv[i], do_bless))
            passed++;
        else
            failed++;
    }
    printf("errorcheck: %d passed, %d failed\n", passed, failed);
    free(resolved);
    return failed ? 1 : 0;
}
