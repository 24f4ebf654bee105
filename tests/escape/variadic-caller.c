// A variadic helper defined in this file that stores or returns its variadic pointer arguments hands them on: a local buffer passed there dangles, as with a named parameter.
// check-exit-value: 1
#include <stdarg.h>
#include <stddef.h>

static const char *g_items[8];

static void register_all(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n && i < 8; i++)
        g_items[i] = va_arg(ap, const char *);
    va_end(ap);
}

static void *first_arg(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    void *r = n > 0 ? va_arg(ap, void *) : NULL;
    va_end(ap);
    return r;
}

void setup(void)
{
    char name[8] = "x"; // ERROR "address of name escapes its frame \(dangling after return\)$"
    register_all(1, name);
}

void *pick_local(void)
{
    int x = 1; // ERROR "address of x escapes its frame \(dangling after return\)$"
    return first_arg(1, &x);
}
