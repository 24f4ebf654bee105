// When the second allocation fails, the early return drops the first block: that path leaks it; the second block is freed on every path where it exists.
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

long dot_sorted(const int *a, const int *b, size_t n) // ERROR "^a does not escape$" "^b does not escape$"
{
    int *ta = malloc(n * sizeof *ta); // ERROR "malloc\(n \* sizeof \*ta\) leaks \(not freed at the return at line 13\)$"
    if (!ta)
        return -1;
    int *tb = malloc(n * sizeof *tb); // ERROR "malloc\(n \* sizeof \*tb\) does not escape \(non-constant size\)$"
    if (!tb)
        return -1;
    memcpy(ta, a, n * sizeof *ta);
    memcpy(tb, b, n * sizeof *tb);
    long s = 0;
    for (size_t i = 0; i < n; i++)
        s += (long)ta[i] * tb[i];
    free(tb);
    free(ta);
    return s;
}
