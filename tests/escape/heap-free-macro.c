// A FREE() macro that frees and clears the pointer (do { free(p); p = NULL; } while (0)) is a free: the block is freed on every path.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>

#define FREE(p) do { free(p); (p) = NULL; } while (0)

int print_squares(int n)
{
    long *sq = malloc((size_t)n * sizeof *sq); // ERROR "malloc\(\(size_t\)n \* sizeof \*sq\) does not escape \(non-constant size\)$"
    if (!sq)
        return -1;
    for (int i = 0; i < n; i++)
        sq[i] = (long)i * i;
    for (int i = 0; i < n; i++)
        printf("%ld\n", sq[i]);
    FREE(sq);
    return n;
}
