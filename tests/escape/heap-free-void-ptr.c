// A void* receiver holds raw bytes: the freed 32-byte block is suggested as unsigned char hdr[32].
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

unsigned sum_header(const void *src) // ERROR "^src does not escape$"
{
    void *hdr = malloc(32); // ERROR "malloc\(32\) does not escape \(constant size: could be an automatic array unsigned char hdr\[32\]\)$"
    if (!hdr)
        return 0;
    memcpy(hdr, src, 32);
    unsigned s = 0;
    for (int i = 0; i < 32; i++)
        s += ((unsigned char *)hdr)[i];
    free(hdr);
    return s;
}
