// buf = realloc(buf, cap) overwrites the only pointer to the old block with NULL when realloc fails: the realloc is flagged; the malloc is handed to realloc and freed, so it does not escape.
// check-exit-value: 1
#include <stdlib.h>

long sum_until_zero(const int *src) // ERROR "^src does not escape$"
{
    size_t cap = 8, n = 0;
    int *buf = malloc(cap * sizeof *buf); // ERROR "malloc\(cap \* sizeof \*buf\) does not escape \(non-constant size\)$"
    if (!buf)
        return -1;
    for (; src[n] != 0; n++) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap * sizeof *buf); // ERROR "realloc\(buf, cap \* sizeof \*buf\) leaks the old block if it fails \(assign the result to a temporary first\)$"
            if (!buf)
                return -1;
        }
        buf[n] = src[n];
    }
    long s = 0;
    for (size_t i = 0; i < n; i++)
        s += buf[i];
    free(buf);
    return s;
}
