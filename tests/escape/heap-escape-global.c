// The only pointer to the block is stored in a file-scope variable, which outlives the call: the block escapes and is not leaked.
// check-exit-value: 0
#include <stdlib.h>

char *g_scratch;
size_t g_scratch_len;

int scratch_init(size_t n)
{
    char *p = malloc(n); // ERROR "malloc\(n\) escapes$"
    if (!p)
        return -1;
    g_scratch = p;
    g_scratch_len = n;
    return 0;
}
