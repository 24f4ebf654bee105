// memchr returns a pointer into its first argument: on a parameter it leaks to the result, on a local array returned it dangles.
// check-exit-value: 1
#include <string.h>

const void *find_nul(const void *buf, size_t n) // ERROR "leaking param: buf to result ~r0 level=0$"
{
    return memchr(buf, 0, n);
}

char *first_gap(void)
{
    char data[8] = "ab\0cd"; // ERROR "address of data escapes its frame \(dangling after return\)$"
    return memchr(data, 0, sizeof data);
}
