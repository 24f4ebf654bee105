// Storing the parameter into a heap block that is returned keeps the pointer beyond the call: leaking param, and the block escapes.
// check-exit-value: 0
#include <stdlib.h>

struct entry {
    const char *key;
    int value;
};

struct entry *entry_new(const char *key, int value) // ERROR "leaking param: key$"
{
    struct entry *e = malloc(sizeof *e); // ERROR "malloc\(sizeof \*e\) escapes$"
    if (e) {
        e->key = key;
        e->value = value;
    }
    return e;
}
