// A function declared noreturn (a die() helper defined here, or an extern fatal()) ends the path like exit(): the block held at those calls does not leak.
// check-exit-value: 0
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

extern void fatal(const char *fmt, ...) __attribute__((noreturn));

static _Noreturn void die(const char *msg) // ERROR "^msg does not escape$"
{
    fprintf(stderr, "fatal: %s\n", msg);
    exit(1);
}

int parse_level(const char *s) // ERROR "^s does not escape$"
{
    int *levels = calloc(8, sizeof *levels); // ERROR "calloc\(8, sizeof \*levels\) does not escape \(constant size: could be an automatic array int levels\[8\]\)$"
    if (!levels)
        die("out of memory");
    int v = atoi(s);
    if (v < 0 || v >= 8)
        fatal("bad level %d", v);
    if (s[0] == '+')
        die("explicit sign");
    levels[v] = 1;
    int r = levels[v] * v;
    free(levels);
    return r;
}
