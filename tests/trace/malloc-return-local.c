// Trace of a heap block that escapes: malloc's result goes into the local p, and p is returned.
// check-flags: -m -m
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

char *dup_upper(const char *s) // ERROR "s does not escape$"
{
    size_t n = strlen(s);
    char *p = malloc(n + 1); // ERROR "malloc\(n \+ 1\) escapes$"
    if (!p)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        p[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 'a' + 'A') : s[i];
    return p;
}
