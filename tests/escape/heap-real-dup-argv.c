// Deep-copying argv: the copies are stored into the array that is returned, and a failed strdup frees the earlier copies and the array: both sites escape, none leaks.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

char **dup_args(int argc, char **argv) // ERROR "^argv does not escape$"
{
    char **copy = calloc((size_t)argc + 1, sizeof *copy); // ERROR "calloc\(\(size_t\)argc \+ 1, sizeof \*copy\) escapes$"
    if (!copy)
        return NULL;
    for (int i = 0; i < argc; i++) {
        copy[i] = strdup(argv[i]); // ERROR "strdup\(argv\[i\]\) escapes$"
        if (!copy[i]) {
            for (int j = 0; j < i; j++)
                free(copy[j]);
            free(copy);
            return NULL;
        }
    }
    return copy;
}
