// join measures, allocates once and copies the parts in: the result is returned (escape); the parts and the separator are only read.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

char *join(const char *const *parts, size_t n, const char *sep) // ERROR "^parts does not escape$" "^sep does not escape$"
{
    size_t seplen = strlen(sep), total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(parts[i]) + (i ? seplen : 0);
    char *out = malloc(total); // ERROR "malloc\(total\) escapes$"
    if (!out)
        return NULL;
    char *w = out;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            memcpy(w, sep, seplen);
            w += seplen;
        }
        size_t len = strlen(parts[i]);
        memcpy(w, parts[i], len);
        w += len;
    }
    *w = '\0';
    return out;
}
