// memset returns its first argument: returning memset(local, ...) dangles, memset(param, ...) leaks the param to the result.
// check-exit-value: 1
#include <string.h>

int *zeroed_counts(void)
{
    int counts[16]; // ERROR "address of counts escapes its frame \(dangling after return\)$"
    return memset(counts, 0, sizeof counts);
}

void *clear(void *p, size_t n) // ERROR "leaking param: p to result ~r0 level=0$"
{
    return memset(p, 0, n);
}
