// A lazily allocated table kept in a function-level static survives every call: the calloc escapes (it is a cache, not a leak).
// check-exit-value: 0
#include <stdlib.h>

int count_byte(unsigned char c)
{
    static int *table;
    if (!table) {
        table = calloc(256, sizeof *table); // ERROR "calloc\(256, sizeof \*table\) escapes$"
        if (!table)
            return -1;
    }
    return ++table[c];
}
