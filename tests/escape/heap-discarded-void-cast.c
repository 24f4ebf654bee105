// (void)malloc(64) still throws the only pointer away: the cast only silences the compiler, the block leaks (result discarded).
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

void reserve(const char *s) // ERROR "^s does not escape$"
{
    (void)malloc(64); // ERROR "malloc\(64\) leaks \(result discarded at line 8\)$"
    (void)strdup(s); // ERROR "strdup\(s\) leaks \(result discarded at line 9\)$"
}
