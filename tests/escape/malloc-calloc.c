// calloc is an allocator like malloc: returned it escapes, used locally and freed it does not.
// check-exit-value: 0
#include <stdlib.h>

double *zeros(size_t n)
{
    return calloc(n, sizeof(double)); // ERROR "calloc\(n, sizeof\(double\)\) escapes$"
}

int count_distinct(const unsigned char *s, size_t n) // ERROR "^s does not escape$"
{
    unsigned char *seen = calloc(256, 1); // ERROR "calloc\(256, 1\) does not escape$"
    if (!seen)
        return -1;
    int distinct = 0;
    for (size_t i = 0; i < n; i++) {
        if (!seen[s[i]])
            distinct++;
        seen[s[i]] = 1;
    }
    free(seen);
    return distinct;
}
