// The default name is replaced by a second copy without freeing the first: the first block's only pointer is overwritten, so it leaks; the second is freed.
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_user(const char *nick) // ERROR "^nick does not escape$"
{
    char *name = strdup("anonymous"); // ERROR "strdup\(\"anonymous\"\) leaks \(overwritten at line 11\)$"
    if (nick && *nick)
        name = strdup(nick); // ERROR "strdup\(nick\) does not escape \(non-constant size\)$"
    if (name) {
        puts(name);
        free(name);
    }
}
