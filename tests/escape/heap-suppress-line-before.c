// The suppression comment on the line before covers the next line only: the first leak is silenced, the second one, two lines below the comment, is still reported.
// check-exit-value: 1
#include <stdlib.h>

int two_tables(int n)
{
    // escape-check: ignore heap-leak
    int *a = malloc((size_t)n * sizeof *a);
    int *b = malloc((size_t)n * sizeof *b); // ERROR "malloc\(\(size_t\)n \* sizeof \*b\) leaks \(not freed at the return at line 16\)$"
    if (!b)
        return -1;
    b[0] = 2;
    if (a)
        a[0] = 1;
    int r = b[0];
    return r;
}
