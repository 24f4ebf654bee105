// Negative: sizes from enum constants, macros, sizeof and string initialisers are integer constant expressions, so none of these arrays is a VLA.
// check-exit-value: 0
#include <stdio.h>

enum { NAME_MAX_LEN = 32 };
#define BUF_SIZE 128

int render(const char *s) // ERROR "^s does not escape$"
{
    char name[NAME_MAX_LEN]; // OK
    char buf[BUF_SIZE]; // OK
    int pairs[2 * NAME_MAX_LEN]; // OK
    long words[sizeof(long)]; // OK
    char tag[] = "v1"; // OK
    pairs[0] = (int)sizeof words;
    snprintf(name, sizeof name, "%s", s);
    snprintf(buf, sizeof buf, "%s/%s/%d", tag, name, pairs[0]);
    return puts(buf);
}
