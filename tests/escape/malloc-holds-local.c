// The returned heap block holds &x: the block escapes and x dangles through it (row 29).
// check-exit-value: 1
#include <stdlib.h>

struct holder {
    int *p;
};

struct holder *wrap_local(void)
{
    int x = 5; // ERROR "address of x escapes its frame \(dangling after return\)$"
    struct holder *h = malloc(sizeof *h); // ERROR "malloc\(sizeof \*h\) escapes$"
    if (h)
        h->p = &x;
    return h;
}
