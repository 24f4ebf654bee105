// fgets returns its first argument (or NULL): returning fgets(line, ...) on a local array dangles, and a buffer parameter comes back in the result.
// check-exit-value: 1
#include <stdio.h>

char *read_line(FILE *f) // ERROR "^f does not escape$"
{
    char line[256]; // ERROR "address of line escapes its frame \(dangling after return\)$"
    return fgets(line, sizeof line, f);
}

char *read_into(char *buf, int n, FILE *f) // ERROR "leaking param: buf to result ~r0 level=0$" "^f does not escape$"
{
    return fgets(buf, n, f);
}
