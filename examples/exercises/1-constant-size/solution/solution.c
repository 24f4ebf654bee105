// Exercise 1, solved: the window is a constant-size array of WINDOW_MAX
// bytes, of which the first plen are used.  Nothing to report but the
// parameters' summaries.
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

    /* A constant size: the window stays a plain automatic array (Go:
     * make([]byte, 5) does not escape).  Only window[0..plen) is used. */
    unsigned char window[WINDOW_MAX];
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
