// `if (NULL == p)` is the same NULL check written the other way round: the early return holds no block.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

int checksum(const unsigned char *data, size_t n) // ERROR "^data does not escape$"
{
    unsigned char *copy = malloc(n); // ERROR "malloc\(n\) does not escape \(non-constant size\)$"
    if (NULL == copy)
        return -1;
    memcpy(copy, data, n);
    int sum = 0;
    for (size_t i = 0; i < n; i++)
        sum = (sum + copy[i]) & 0xff;
    free(copy);
    return sum;
}
