// A 4096-byte block freed on every path does not escape; being above 128 bytes, no automatic array is suggested.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

long count_lines(FILE *f) // ERROR "^f does not escape$"
{
    char *buf = malloc(4096); // ERROR "malloc\(4096\) does not escape$"
    if (!buf)
        return -1;
    long lines = 0;
    size_t n;
    while ((n = fread(buf, 1, 4096, f)) > 0)
        for (size_t i = 0; i < n; i++)
            lines += buf[i] == '\n';
    free(buf);
    return lines;
}
