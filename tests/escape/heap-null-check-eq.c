// `if (p == NULL) return` is the NULL path, where nothing was allocated: no leak; the 48-byte block is freed, so an automatic array would do.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

int print_point(double x, double y)
{
    char *s = malloc(48); // ERROR "malloc\(48\) does not escape \(constant size: could be an automatic array char s\[48\]\)$"
    if (s == NULL)
        return -1;
    snprintf(s, 48, "(%g, %g)", x, y);
    int rc = puts(s);
    free(s);
    return rc;
}
