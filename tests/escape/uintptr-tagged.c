// Tag bits set and cleared on the integer image of &slot: the value converted back is still &slot, so returning it dangles.
// check-exit-value: 1
#include <stdint.h>

void *tagged_slot(void)
{
    int slot = 0; // ERROR "address of slot escapes its frame \(dangling after return\)$"
    uintptr_t bits = (uintptr_t)&slot | 1u;
    return (void *)(bits & ~(uintptr_t)1);
}
