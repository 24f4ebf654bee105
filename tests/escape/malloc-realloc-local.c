// A growing buffer that is reallocated and freed inside the function: neither the malloc nor the realloc block escapes.
// check-exit-value: 0
#include <stdlib.h>

size_t collect_positive(const int *src, size_t n) // ERROR "^src does not escape$"
{
    size_t cap = 4, len = 0;
    int *buf = malloc(cap * sizeof *buf); // ERROR "malloc\(cap \* sizeof \*buf\) does not escape \(non-constant size\)$"
    if (!buf)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] <= 0)
            continue;
        if (len == cap) {
            int *nb = realloc(buf, 2 * cap * sizeof *buf); // ERROR "realloc\(buf, 2 \* cap \* sizeof \*buf\) does not escape \(non-constant size\)$"
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
        buf[len++] = src[i];
    }
    free(buf);
    return len;
}
