// A `goto done` from inside the read loop reaches the same cleanup as the normal exit: the line buffer is freed (and the file closed) on every path.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int has_section(const char *path, const char *name) // ERROR "^path does not escape$" "^name does not escape$"
{
    int found = 0;
    FILE *f = NULL;
    char *line = NULL;

    f = fopen(path, "r");
    if (!f)
        goto done;
    line = malloc(1024); // ERROR "malloc\(1024\) does not escape$"
    if (!line)
        goto done;
    size_t nlen = strlen(name);
    while (fgets(line, 1024, f)) {
        if (line[0] == '[' && strncmp(line + 1, name, nlen) == 0 && line[nlen + 1] == ']') {
            found = 1;
            goto done;
        }
    }
done:
    free(line);
    if (f)
        fclose(f);
    return found;
}
