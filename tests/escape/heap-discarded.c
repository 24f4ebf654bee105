// A call statement whose fresh result is unused drops the only pointer at once: the block leaks (result discarded).
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

void remember(const char *name) // ERROR "^name does not escape$"
{
    strdup(name); // ERROR "strdup\(name\) leaks \(result discarded at line 8\)$"
}
