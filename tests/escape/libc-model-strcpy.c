// strcpy returns its first argument: copying into a local buffer and returning strcpy's result dangles; src is only read.
// check-exit-value: 1
#include <string.h>

char *greeting(const char *name) // ERROR "^name does not escape$"
{
    char buf[64]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    if (strlen(name) >= sizeof buf)
        return NULL;
    return strcpy(buf, name);
}

char *copy_name(char *dst, const char *src) // ERROR "leaking param: dst to result ~r0 level=0$" "^src does not escape$"
{
    return strcpy(dst, src);
}
