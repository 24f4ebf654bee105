// A union member written as a pointer (or as the integer image of one) and read back as a pointer is still the local's address.
// check-exit-value: 1
#include <stdint.h>

union slot {
    void *p;
    uintptr_t bits;
};

void *via_union(void)
{
    int x = 2; // ERROR "address of x escapes its frame \(dangling after return\)$"
    union slot s;
    s.p = &x;
    return s.p;
}

void *via_union_bits(void)
{
    int y = 3; // ERROR "address of y escapes its frame \(dangling after return\)$"
    union slot s;
    s.bits = (uintptr_t)&y;
    return s.p;
}
