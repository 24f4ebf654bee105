// The block is used only inside the function and freed: free captures nothing, so it does not escape.
// check-exit-value: 0
#include <stdlib.h>

int sum_squares(int n)
{
    int *sq = malloc(64 * sizeof *sq); // ERROR "malloc\(64 \* sizeof \*sq\) does not escape$"
    if (!sq)
        return -1;
    int s = 0;
    for (int i = 0; i < 64 && i < n; i++) {
        sq[i] = i * i;
        s += sq[i];
    }
    free(sq);
    return s;
}
