// Exercise 1: a buffer whose size is only known at run time.
// Make `window` a constant-size array; see README.md.  Check your work:
//     sh examples/exercises/check.sh 1
// The ERROR comments say what escape-check reports on this file today.
// check-flags: -m
#include <stddef.h>
#include <string.h>

enum { WINDOW_MAX = 8 };    /* the longest pattern count_matches accepts */

/* How many times PAT (1 to WINDOW_MAX bytes) occurs in DATA, overlapping
 * occurrences included.  Like the lesson's algOne, it slides a window of
 * plen bytes over the input one byte at a time. */
size_t count_matches(const unsigned char *data, size_t len, // ERROR "data does not escape$"
                     const unsigned char *pat, size_t plen) // ERROR "pat does not escape$"
{
    if (plen == 0 || plen > WINDOW_MAX || len < plen)
        return 0;

    unsigned char window[plen]; // ERROR "variable-length array window \(non-constant size\)$"
    memcpy(window, data, plen);

    size_t count = 0;
    for (size_t i = plen;; i++) {
        if (memcmp(window, pat, plen) == 0)
            count++;
        if (i == len)
            break;
        memmove(window, window + 1, plen - 1);
        window[plen - 1] = data[i];
    }
    return count;
}
