// Negative: an address turned into an integer that never becomes a pointer again cannot dangle (row 23), even when returned or stored globally.
// check-exit-value: 0
#include <stdint.h>

static uintptr_t g_stack_base;

void mark_stack_base(void)
{
    char marker; // OK
    g_stack_base = (uintptr_t)&marker;
}

uintptr_t stack_probe(void)
{
    char probe; // OK
    return (uintptr_t)&probe;
}

unsigned bucket_of(const void *p, unsigned nbuckets) // ERROR "^p does not escape$"
{
    return (unsigned)(((uintptr_t)p >> 4) % nbuckets);
}
