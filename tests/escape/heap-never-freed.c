// The histogram is filled and read but never freed: at the return its only pointer dies with the frame, so the block leaks.
// check-exit-value: 1
#include <stdlib.h>

int most_common_byte(const unsigned char *s, size_t n) // ERROR "^s does not escape$"
{
    size_t *hist = calloc(256, sizeof *hist); // ERROR "calloc\(256, sizeof \*hist\) leaks \(not freed at the return at line 16\)$"
    if (!hist)
        return -1;
    for (size_t i = 0; i < n; i++)
        hist[s[i]]++;
    int best = 0;
    for (int c = 1; c < 256; c++)
        if (hist[c] > hist[best])
            best = c;
    return best;
}
