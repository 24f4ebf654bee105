// buf + 4 still points into the local array: pointer arithmetic stays inside the same object, so returning it dangles (row 22).
// check-exit-value: 1
#include <stdio.h>

char *after_prefix(const char *line) // ERROR "^line does not escape$"
{
    char buf[64]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    snprintf(buf, sizeof buf, "%s", line);
    return buf + 4;
}
