// do { ... } while (0) runs its body exactly once: the block assigned inside is freed after it, nothing is overwritten.
// check-exit-value: 0
#include <stdlib.h>

int run(size_t n)
{
    int rc = -1;
    char *a = NULL, *b = NULL;
    do {
        a = malloc(n); // ERROR "malloc\(n\) does not escape \(non-constant size\)$"
        if (!a)
            break;
        b = malloc(n); // ERROR "malloc\(n\) does not escape \(non-constant size\)$"
        if (!b)
            break;
        a[0] = b[0] = 0;
        rc = 0;
    } while (0);
    free(b);
    free(a);
    return rc;
}
