// strdupa copies onto the stack with alloca: returning its result dangles like any alloca block, and the note names the call as written.
// check-exit-value: 1
#define _GNU_SOURCE
#include <string.h>

char *dup_on_stack(const char *s) // ERROR "^s does not escape$"
{
    return strdupa(s); // ERROR "strdupa\(s\) \(non-constant size\)$" "address of strdupa\(s\) escapes its frame \(dangling after return\)$"
}

size_t upper_len(const char *s) // ERROR "^s does not escape$"
{
    char *c = strdupa(s); // ERROR "strdupa\(s\) \(non-constant size\)$"
    size_t n = 0;
    for (; c[n]; n++)
        if (c[n] >= 'a' && c[n] <= 'z')
            c[n] = (char)(c[n] - 'a' + 'A');
    return n;
}
