// __attribute__((cleanup(fn))) calls fn(&buf) when buf goes out of scope: the helper frees through its argument, so the block never leaves the function.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

static void free_ptr(void *pp) // ERROR "^pp does not escape$"
{
    free(*(void **)pp);
}

int first_zero(size_t n)
{
    char *buf __attribute__((cleanup(free_ptr))) = malloc(n); // ERROR "malloc\(n\) does not escape( \(non-constant size\))?$"
    if (!buf)
        return -1;
    memset(buf, 0, n);
    return buf[0];
}
