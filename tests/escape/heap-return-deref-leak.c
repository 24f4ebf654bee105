// A return expression that only reads through the pointer (p[1], *a + 1, a != NULL) hands back an int, not the block: the blocks below are never freed on those paths, so they leak.
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

int f1(int n)
{
    int *a = malloc((size_t)n * sizeof *a); // ERROR "malloc\(\(size_t\)n \* sizeof \*a\) leaks \(not freed at the return at line 12\)$"
    if (!a)
        return -1;
    a[0] = n;
    return a[0];
}

int f2(const char *src) // ERROR "^src does not escape$"
{
    char *p = strdup(src); // ERROR "strdup\(src\) leaks \(not freed at the return at line 21\)$"
    if (!p)
        return 0;
    if (p[0] == 'x')
        return p[1];
    free(p);
    return 0;
}
