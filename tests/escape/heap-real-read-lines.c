// Reading all lines into a growing array of copies: the array and each copy end up in the returned array (escape), and the `fail:` path frees the copies made so far and the array, so nothing leaks.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char **read_lines(FILE *f, size_t *count) // ERROR "^f does not escape$" "^count does not escape$"
{
    char buf[512]; // OK
    size_t n = 0, cap = 16;
    char **lines = malloc(cap * sizeof *lines); // ERROR "malloc\(cap \* sizeof \*lines\) escapes$"
    if (!lines)
        return NULL;
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\n")] = '\0';
        if (n == cap) {
            char **nl = realloc(lines, 2 * cap * sizeof *nl); // ERROR "realloc\(lines, 2 \* cap \* sizeof \*nl\) escapes$"
            if (!nl)
                goto fail;
            lines = nl;
            cap *= 2;
        }
        lines[n] = strdup(buf); // ERROR "strdup\(buf\) escapes$"
        if (!lines[n])
            goto fail;
        n++;
    }
    *count = n;
    return lines;
fail:
    while (n > 0)
        free(lines[--n]);
    free(lines);
    return NULL;
}
