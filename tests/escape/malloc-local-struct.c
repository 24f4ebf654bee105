// A block kept only in a field of a local struct and freed before return never leaves the function: it does not escape.
// check-exit-value: 0
#include <stdlib.h>

struct vec {
    int *data;
    size_t len;
};

long vec_sum_squares(size_t n)
{
    struct vec v; // OK
    v.data = malloc(n * sizeof *v.data); // ERROR "malloc\(n \* sizeof \*v\.data\) does not escape \(non-constant size\)$"
    if (!v.data)
        return -1;
    v.len = n;
    long s = 0;
    for (size_t i = 0; i < v.len; i++) {
        v.data[i] = (int)i;
        s += (long)v.data[i] * v.data[i];
    }
    free(v.data);
    return s;
}
