// The temporary idiom: nb = realloc(buf, ...) and buf freed when it fails, so no path loses the old block; the buffer is returned, so both sites escape.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

char *slurp(FILE *f, size_t *len_out) // ERROR "^f does not escape$" "^len_out does not escape$"
{
    size_t cap = 256, len = 0;
    char *buf = malloc(cap); // ERROR "malloc\(cap\) escapes$"
    if (!buf)
        return NULL;
    for (;;) {
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
        if (len + 1 == cap) {
            char *nb = realloc(buf, cap * 2); // ERROR "realloc\(buf, cap \* 2\) escapes$"
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    buf[len] = '\0';
    *len_out = len;
    return buf;
}
