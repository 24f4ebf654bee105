// The same two allocations with the first freed on the second's failure path: every block is freed on every path, none escapes.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

long dot_sorted(const int *a, const int *b, size_t n) // ERROR "^a does not escape$" "^b does not escape$"
{
    int *ta = malloc(n * sizeof *ta); // ERROR "malloc\(n \* sizeof \*ta\) does not escape \(non-constant size\)$"
    if (!ta)
        return -1;
    int *tb = malloc(n * sizeof *tb); // ERROR "malloc\(n \* sizeof \*tb\) does not escape \(non-constant size\)$"
    if (!tb) {
        free(ta);
        return -1;
    }
    memcpy(ta, a, n * sizeof *ta);
    memcpy(tb, b, n * sizeof *tb);
    long s = 0;
    for (size_t i = 0; i < n; i++)
        s += (long)ta[i] * tb[i];
    free(tb);
    free(ta);
    return s;
}
