// Parsing comma-separated integers into a growing array (temporary realloc idiom); the result goes to the caller through an out parameter, and every error path frees it: both sites escape, none leaks.
// check-exit-value: 0
#include <stdlib.h>

int parse_ints(const char *s, int **out, size_t *count) // ERROR "^s does not escape$" "^out does not escape$" "^count does not escape$"
{
    size_t cap = 8, n = 0;
    int *v = malloc(cap * sizeof *v); // ERROR "malloc\(cap \* sizeof \*v\) escapes$"
    if (!v)
        return -1;
    while (*s) {
        char *end;
        long x = strtol(s, &end, 10);
        if (end == s) {
            free(v);
            return -1;
        }
        if (n == cap) {
            int *nv = realloc(v, 2 * cap * sizeof *nv); // ERROR "realloc\(v, 2 \* cap \* sizeof \*nv\) escapes$"
            if (!nv) {
                free(v);
                return -1;
            }
            v = nv;
            cap *= 2;
        }
        v[n++] = (int)x;
        s = end;
        if (*s == ',')
            s++;
    }
    *out = v;
    *count = n;
    return 0;
}
