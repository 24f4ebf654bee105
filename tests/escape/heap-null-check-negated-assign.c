// `if (!(p = malloc(n))) return` assigns and tests in one expression: the early return is the NULL path, so nothing leaks there.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

int print_reversed(const int *v, size_t n) // ERROR "^v does not escape$"
{
    int *r;
    if (!(r = malloc(n * sizeof *r))) // ERROR "malloc\(n \* sizeof \*r\) does not escape \(non-constant size\)$"
        return -1;
    for (size_t i = 0; i < n; i++)
        r[i] = v[n - 1 - i];
    for (size_t i = 0; i < n; i++)
        printf("%d\n", r[i]);
    free(r);
    return 0;
}
