// strdup/strndup allocate a fresh copy: the copy escapes when returned, and the source string is only read, so it does not escape.
// check-exit-value: 0
#include <string.h>

char *dup_name(const char *name) // ERROR "^name does not escape$"
{
    return strdup(name); // ERROR "strdup\(name\) escapes$"
}

char *prefix(const char *s, size_t n) // ERROR "^s does not escape$"
{
    return strndup(s, n); // ERROR "strndup\(s, n\) escapes$"
}
