// Small-buffer idiom: the buffer is either a local array or a heap block, used and released locally; neither leaves the function.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

int first_byte_copy(const char *s, size_t n) // ERROR "^s does not escape$"
{
    char small[64]; // OK
    char *buf = n > sizeof small ? malloc(n) : small; // ERROR "malloc\(n\) does not escape$"
    if (!buf || n == 0)
        return -1;
    memcpy(buf, s, n);
    int r = buf[0];
    if (buf != small)
        free(buf);
    return r;
}
