// __attribute__((noescape)) on a body-less declaration promises no copy is kept: &local passed there is nothing, and a parameter passed there does not escape.
// check-exit-value: 0
#include <stddef.h>

extern unsigned crc32_update(unsigned crc, const void *buf __attribute__((noescape)), size_t len);
extern void sort_ints(__attribute__((noescape)) int *v, size_t n);

unsigned crc_of_int(int v)
{
    int tmp = v; // OK
    return crc32_update(0, &tmp, sizeof tmp);
}

unsigned crc_of_buf(const unsigned char *data, size_t len) // ERROR "^data does not escape$"
{
    return crc32_update(0, data, len);
}

int median3(int a, int b, int c)
{
    int v[3] = { a, b, c }; // OK
    sort_ints(v, 3);
    return v[1];
}
