// Rounding a pointer up through uintptr_t and converting back yields a pointer into the caller's object: p leaks to the result.
// check-exit-value: 0
#include <stddef.h>
#include <stdint.h>

void *align_up(void *p, size_t align) // ERROR "leaking param: p to result ~r0 level=0$"
{
    return (void *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
}
