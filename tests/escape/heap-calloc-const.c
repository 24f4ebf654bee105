// calloc(10, sizeof(int)) is 40 bytes of constant size freed on every path: an automatic array int digits[10] would do.
// check-exit-value: 0
#include <stdlib.h>

int most_common_digit(const char *s) // ERROR "^s does not escape$"
{
    int *digits = calloc(10, sizeof(int)); // ERROR "calloc\(10, sizeof\(int\)\) does not escape \(constant size: could be an automatic array int digits\[10\]\)$"
    if (!digits)
        return -1;
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            digits[*s - '0']++;
    int best = 0;
    for (int d = 1; d < 10; d++)
        if (digits[d] > digits[best])
            best = d;
    free(digits);
    return best;
}
