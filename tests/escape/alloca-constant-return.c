// A constant-size alloca gets no size note, but returning the block still dangles: X is the call text alloca(16).
// check-exit-value: 1
#include <alloca.h>

void *scratch16(void)
{
    void *p = alloca(16); // ERROR "address of alloca\(16\) escapes its frame \(dangling after return\)$"
    return p;
}
