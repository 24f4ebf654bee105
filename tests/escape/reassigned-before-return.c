// The graph is flow-insensitive, but a path through a variable that is overwritten before it flows on is not real: name points at buf only until strdup replaces it.
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

char *name_of(int id, const char *s) // ERROR "s does not escape$"
{
    char buf[32]; // OK: name no longer points here when it is returned
    char *name = buf;
    if (id < 0)
        return strdup("none"); // ERROR "strdup\(\"none\"\) escapes$"
    memcpy(buf, s, sizeof buf - 1);
    buf[sizeof buf - 1] = 0;
    name = strdup(buf); // ERROR "strdup\(buf\) escapes$"
    return name;
}

char *maybe_copy(int c)
{
    char buf[8]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    char *p = buf;
    if (c)
        p = strdup("x"); // ERROR "strdup\(\"x\"\) escapes$"
    return p;
}
