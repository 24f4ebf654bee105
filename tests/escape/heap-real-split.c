// split returns a NULL-terminated array of fresh pieces; when one strndup fails the pieces made so far and the array are freed: both sites escape (returned) and none leaks.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

char **split(const char *s, char sep, size_t *count) // ERROR "^s does not escape$" "^count does not escape$"
{
    size_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == sep;
    char **parts = calloc(n + 1, sizeof *parts); // ERROR "calloc\(n \+ 1, sizeof \*parts\) escapes$"
    if (!parts)
        return NULL;
    size_t i = 0;
    const char *start = s;
    for (const char *p = s;; p++) {
        if (*p != sep && *p != '\0')
            continue;
        parts[i] = strndup(start, (size_t)(p - start)); // ERROR "strndup\(start, \(size_t\)\(p - start\)\) escapes$"
        if (!parts[i]) {
            while (i > 0)
                free(parts[--i]);
            free(parts);
            return NULL;
        }
        i++;
        if (*p == '\0')
            break;
        start = p + 1;
    }
    *count = n;
    return parts;
}
