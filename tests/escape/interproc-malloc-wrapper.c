// The malloc inside an xmalloc wrapper escapes (it is returned); the wrapper's call site is not itself an allocation site, and the caller frees it.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

static void *xmalloc(size_t n)
{
    void *p = malloc(n); // ERROR "malloc\(n\) escapes$"
    if (!p)
        abort();
    return p;
}

int print_number(int v)
{
    char *buf = xmalloc(32); // OK
    snprintf(buf, 32, "%d", v);
    int rc = puts(buf);
    free(buf);
    return rc;
}
