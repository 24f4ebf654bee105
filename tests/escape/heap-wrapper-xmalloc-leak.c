// xmalloc never returns NULL (it exits), and each call of it is an allocation site: the quiet early return forgets the label, so xmalloc(32) leaks.
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>

static void *xmalloc(size_t n)
{
    void *p = malloc(n); // ERROR "malloc\(n\) escapes$"
    if (!p) {
        fputs("out of memory\n", stderr);
        exit(1);
    }
    return p;
}

int print_id(int id, int verbose)
{
    char *s = xmalloc(32); // ERROR "xmalloc\(32\) leaks \(not freed at the return at line 21\)$"
    snprintf(s, 32, "id-%d", id);
    if (!verbose)
        return 0;
    puts(s);
    free(s);
    return 1;
}
