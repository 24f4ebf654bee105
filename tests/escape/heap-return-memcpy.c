// A hand-written strdup returns memcpy's result, which is its destination: the block is returned, so it escapes (no leak).
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

char *my_strdup(const char *s) // ERROR "^s does not escape$"
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n); // ERROR "malloc\(n\) escapes$"
    if (!p)
        return NULL;
    return memcpy(p, s, n);
}
