// The joined path is only needed for the fopen call and is freed right after: it does not escape (run-time size); the FILE returned is not this block.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

FILE *open_in_dir(const char *dir, const char *name, const char *mode) // ERROR "^dir does not escape$" "^name does not escape$" "^mode does not escape$"
{
    size_t len = strlen(dir) + 1 + strlen(name) + 1;
    char *path = malloc(len); // ERROR "malloc\(len\) does not escape \(non-constant size\)$"
    if (!path)
        return NULL;
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, mode);
    free(path);
    return f;
}
