// exit() and abort() end the path: a block still held when the program stops is not a leak of this function, and the normal path frees it.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int run_command(const char *cmd) // ERROR "^cmd does not escape$"
{
    char *copy = strdup(cmd); // ERROR "strdup\(cmd\) does not escape \(non-constant size\)$"
    if (!copy) {
        perror("strdup");
        exit(2);
    }
    if (copy[0] == '\0') {
        fputs("empty command\n", stderr);
        exit(2);
    }
    if (strlen(copy) > 4096)
        abort();
    int rc = puts(copy);
    free(copy);
    return rc;
}
