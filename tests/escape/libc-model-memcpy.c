// memcpy returns its first argument and keeps neither pointer: dst leaks to the result, src and a local copy buffer stay put.
// check-exit-value: 0
#include <string.h>

void *dup_into(void *dst, const void *src, size_t n) // ERROR "leaking param: dst to result ~r0 level=0$" "^src does not escape$"
{
    return memcpy(dst, src, n);
}

unsigned checksum(const unsigned char *data, size_t n) // ERROR "^data does not escape$"
{
    unsigned char tmp[64]; // OK
    size_t len = n < sizeof tmp ? n : sizeof tmp;
    unsigned sum = 0;
    memcpy(tmp, data, len);
    for (size_t i = 0; i < len; i++)
        sum += tmp[i];
    return sum;
}
