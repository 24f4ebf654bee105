// The malloc inside an xmalloc wrapper escapes (it is returned), so xmalloc is itself an allocator: its call site gets the verdict, here freed locally with a constant size.
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
    char *buf = xmalloc(32); // ERROR "xmalloc\(32\) does not escape \(constant size: could be an automatic array char buf\[32\]\)$"
    snprintf(buf, 32, "%d", v);
    int rc = puts(buf);
    free(buf);
    return rc;
}
