// Regressions found on SQLite and Lua (docs/precision.md): va_arg of a function-pointer type is a copy of an argument, a parameter declared as an array is a pointer, an object that holds its own address escapes with a finite trace, and realloc of a local copy of a parameter leaves the old block to the caller.
// check-exit-value: 1
#include <stdarg.h>
#include <stdlib.h>

typedef int (*hook_fn)(void *);
hook_fn hook;

int config(int op, ...)
{
    va_list ap; // OK: va_arg yields the argument, not an address inside ap
    va_start(ap, op);
    hook = va_arg(ap, hook_fn);
    va_end(ap);
    return 0;
}

void *keep;

int run(int argc, char *argv[]) // ERROR "leaking param: argv$"
{
    keep = argv;
    return argc;
}

struct node {
    struct node *next;
    int v;
};
struct node *keepn;

void link2(void)
{
    struct node a[2]; // ERROR "address of a escapes its frame \(dangling after return\)$"
    a[0].next = &a[1];
    keepn = a[0].next;
}

void *my_realloc(void *prior, size_t n) // ERROR "leaking param: prior to result ~r0 level=0$"
{
    long *p = prior;
    p--;
    p = realloc(p, n + 8); // ERROR "realloc\(p, n \+ 8\) escapes$"
    if (p) {
        p[0] = (long)n;
        p++;
    }
    return p;
}
