// The early "not yes" return forgets the copy: on that path the block is neither freed nor escaping, so it leaks.
// check-exit-value: 1
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int is_yes(const char *s) // ERROR "^s does not escape$"
{
    char *copy = strdup(s); // ERROR "strdup\(s\) leaks \(not freed at the return at line 15\)$"
    if (!copy)
        return -1;
    for (char *p = copy; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if (strcmp(copy, "yes") != 0)
        return 0;
    free(copy);
    return 1;
}
