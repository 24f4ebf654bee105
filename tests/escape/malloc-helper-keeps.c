// The block is passed to a helper in this file that stores it in a global pool: through the helper's summary it escapes.
// check-exit-value: 0
#include <stdlib.h>

static void *g_pool[64];
static int g_pool_len;

static void pool_add(void *p) // ERROR "leaking param: p$"
{
    if (g_pool_len < 64)
        g_pool[g_pool_len++] = p;
}

void pool_reserve(size_t n)
{
    void *p = malloc(n); // ERROR "malloc\(n\) escapes$"
    if (p)
        pool_add(p);
}
