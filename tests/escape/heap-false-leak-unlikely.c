// `if (unlikely(!p)) return` (__builtin_expect, as in the kernel, glib, curl) is a NULL check: the early return holds no block.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>
#define unlikely(x) __builtin_expect(!!(x), 0)

int checksum(const char *s) // ERROR "^s does not escape$"
{
    char *t = strdup(s); // ERROR "strdup\(s\) does not escape \(non-constant size\)$"
    if (unlikely(!t))
        return -1;
    int sum = 0;
    for (char *p = t; *p; p++)
        sum += *p;
    free(t);
    return sum;
}
