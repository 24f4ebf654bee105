// Returning either a heap block or a local array: the heap block escapes (fine), and the local array may be returned, so it dangles.
// check-exit-value: 1
#include <stdlib.h>

char *get_buffer(size_t n)
{
    char buf[64]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    char *p = n > sizeof buf ? malloc(n) : buf; // ERROR "malloc\(n\) escapes$"
    return p;
}
