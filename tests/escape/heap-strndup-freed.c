// strndup allocates a copy whose length depends on the string: freed on every path, so it does not escape (run-time size).
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int print_prefix(const char *s, size_t n) // ERROR "^s does not escape$"
{
    char *head = strndup(s, n); // ERROR "strndup\(s, n\) does not escape \(non-constant size\)$"
    if (!head)
        return -1;
    int rc = printf("%s...\n", head);
    free(head);
    return rc;
}
