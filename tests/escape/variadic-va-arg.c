// va_arg(ap, T) yields a copy of the next argument, not an address inside ap: storing or returning it never makes ap escape.
// check-exit-value: 0
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

static const char *g_items[8];

void register_all(int n, ...)
{
    va_list ap; // OK
    va_start(ap, n);
    for (int i = 0; i < n && i < 8; i++)
        g_items[i] = va_arg(ap, const char *);
    va_end(ap);
}

void *last_arg(int n, ...)
{
    va_list ap; // OK
    void *r = NULL;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        r = va_arg(ap, void *);
    va_end(ap);
    return r;
}

int log_all(const char *fmt, ...) // ERROR "^fmt does not escape$"
{
    va_list ap; // OK
    va_start(ap, fmt);
    int r = vprintf(fmt, ap);
    va_end(ap);
    return r;
}
