// strchr returns a pointer into its first argument: strchr on a local array, returned, dangles.
// check-exit-value: 1
#include <stdio.h>
#include <string.h>

char *find_colon(int id)
{
    char line[64]; // ERROR "address of line escapes its frame \(dangling after return\)$"
    snprintf(line, sizeof line, "key%d: value", id);
    return strchr(line, ':');
}
