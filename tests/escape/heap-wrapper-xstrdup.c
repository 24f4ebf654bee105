// xstrdup returns a fresh copy or aborts, so its calls are allocation sites: one is stored into the caller's struct (escape), one is freed here (run-time size).
// check-exit-value: 0
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static char *xstrdup(const char *s) // ERROR "^s does not escape$"
{
    char *p = strdup(s); // ERROR "strdup\(s\) escapes$"
    if (!p)
        abort();
    return p;
}

struct opts {
    char *output;
};

void opts_set_output(struct opts *o, const char *path) // ERROR "^o does not escape$" "^path does not escape$"
{
    free(o->output);
    o->output = xstrdup(path); // ERROR "xstrdup\(path\) escapes$"
}

int starts_with_ci(const char *s, const char *prefix) // ERROR "^s does not escape$" "^prefix does not escape$"
{
    char *t = xstrdup(s); // ERROR "xstrdup\(s\) does not escape \(non-constant size\)$"
    for (char *p = t; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    int r = strncmp(t, prefix, strlen(prefix)) == 0;
    free(t);
    return r;
}
