// A deliberate leak (a process-lifetime buffer) with `// escape-check: ignore heap-leak` on its line: the verdict is silenced, so nothing is reported and the exit status is 0.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

int init_once(const char *seed) // ERROR "^seed does not escape$"
{
    char *arena = malloc(1 << 20); // escape-check: ignore heap-leak
    if (!arena)
        return -1;
    memset(arena, 0, 1 << 20);
    return (int)strlen(seed);
}
