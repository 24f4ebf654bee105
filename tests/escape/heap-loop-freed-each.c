// Each iteration copies a line and frees the copy before the next iteration (or skips when strdup fails): every block is freed, none escapes.
// check-exit-value: 0
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_upper_lines(char **lines, size_t n) // ERROR "^lines does not escape$"
{
    for (size_t i = 0; i < n; i++) {
        char *up = strdup(lines[i]); // ERROR "strdup\(lines\[i\]\) does not escape \(non-constant size\)$"
        if (!up)
            continue;
        for (char *p = up; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        puts(up);
        free(up);
    }
}
