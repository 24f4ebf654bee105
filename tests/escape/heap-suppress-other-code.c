// A suppression names one code: ignoring heap-noescape does not silence a heap-leak at the same site.
// check-exit-value: 1
#include <stdlib.h>

int leaky(int n)
{
    // escape-check: ignore heap-noescape
    int *a = malloc((size_t)n * sizeof *a); // ERROR "malloc\(\(size_t\)n \* sizeof \*a\) leaks \(not freed at the return at line 13\)$"
    if (!a)
        return -1;
    a[0] = n;
    int r = a[0];
    return r;
}
