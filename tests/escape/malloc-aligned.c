// aligned_alloc is a modelled allocator: returned, the block escapes.
// check-exit-value: 0
#include <stdlib.h>

void *page_alloc(size_t pages)
{
    return aligned_alloc(4096, pages * 4096); // ERROR "aligned_alloc\(4096, pages \* 4096\) escapes$"
}
