// Each branch frees the copy before its return: freed on every path, so it does not escape (run-time size).
// check-exit-value: 0
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int parse_bool(const char *s) // ERROR "^s does not escape$"
{
    char *copy = strdup(s); // ERROR "strdup\(s\) does not escape \(non-constant size\)$"
    if (!copy)
        return -1;
    for (char *p = copy; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if (strcmp(copy, "yes") == 0 || strcmp(copy, "true") == 0) {
        free(copy);
        return 1;
    } else {
        free(copy);
        return 0;
    }
}
