// A dump buffer declared inside the `if (verbose)` block is never freed: its only pointer goes out of scope at that block's closing brace, so it leaks.
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>

int checksum_bytes(const unsigned char *p, size_t n, int verbose) // ERROR "^p does not escape$"
{
    int sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += p[i];
    if (verbose) {
        char *dump = malloc(n * 3 + 1); // ERROR "malloc\(n \* 3 \+ 1\) leaks \(goes out of scope at line 18\)$"
        if (dump) {
            for (size_t i = 0; i < n; i++)
                snprintf(dump + 3 * i, 4, "%02x ", p[i]);
            puts(dump);
        }
    }
    return sum;
}
