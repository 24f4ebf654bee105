// A small constant block that is later grown with realloc cannot be an automatic array (realloc of a stack array is undefined): no suggestion.
// check-exit-value: 0
#include <stdlib.h>

int grow_once(size_t n)
{
    char *b = malloc(8); // ERROR "malloc\(8\) does not escape$"
    if (!b)
        return -1;
    char *nb = realloc(b, n); // ERROR "realloc\(b, n\) does not escape \(non-constant size\)$"
    if (!nb) {
        free(b);
        return -1;
    }
    nb[0] = 1;
    int r = nb[0];
    free(nb);
    return r;
}
