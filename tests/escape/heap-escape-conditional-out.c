// The block is handed to the caller when it asked for it (*out = p) and freed otherwise: it escapes on one path, is freed on the other, and never leaks.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

int normalize(const char *s, char **out) // ERROR "^s does not escape$" "^out does not escape$"
{
    size_t n = strlen(s);
    char *p = malloc(n + 1); // ERROR "malloc\(n \+ 1\) escapes$"
    if (!p)
        return -1;
    for (size_t i = 0; i <= n; i++)
        p[i] = s[i] == '\t' ? ' ' : s[i];
    int changed = memcmp(p, s, n) != 0;
    if (out)
        *out = p;
    else
        free(p);
    return changed;
}
