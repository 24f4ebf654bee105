// The block is passed to a helper defined in this file that only reads it, then freed: it does not escape.
// check-exit-value: 0
#include <stdlib.h>

static long sum(const int *v, int n) // ERROR "^v does not escape$"
{
    long s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

long sum_range(int n)
{
    int *v = malloc(n * sizeof *v); // ERROR "malloc\(n \* sizeof \*v\) does not escape \(non-constant size\)$"
    if (!v)
        return -1;
    for (int i = 0; i < n; i++)
        v[i] = i;
    long s = sum(v, n);
    free(v);
    return s;
}
