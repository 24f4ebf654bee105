// A heap block returned to the caller leaves the function: malloc(...) escapes (c-peers row 17).
// check-exit-value: 0
#include <stdlib.h>

int *alloc_ints(size_t n)
{
    return malloc(n * sizeof(int)); // ERROR "malloc\(n \* sizeof\(int\)\) escapes$"
}
