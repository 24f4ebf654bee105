// A pointer cast to uintptr_t and back is the same pointer: returning it dangles just like return &x (row 24).
// check-exit-value: 1
#include <stdint.h>

int *roundtrip(void)
{
    int x = 0; // ERROR "address of x escapes its frame \(dangling after return\)$"
    return (int *)(uintptr_t)&x;
}

int *roundtrip_var(void)
{
    int y = 1; // ERROR "address of y escapes its frame \(dangling after return\)$"
    uintptr_t bits = (uintptr_t)&y;
    return (int *)bits;
}
