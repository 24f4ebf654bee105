// DEBATABLE: p = realloc(p, n) on a by-value parameter: when realloc fails the caller still holds the old pointer (grow() behaves like realloc itself), so nothing is lost in this function.
// check-exit-value: 0
#include <stdlib.h>

void *grow(void *p, size_t n) // ERROR "leaking param: p to result ~r0 level=0$"
{
    p = realloc(p, n); // ERROR "realloc\(p, n\) escapes$"
    return p;
}
