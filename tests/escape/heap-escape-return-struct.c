// The block is stored in a local struct that is returned by value: the copy carries the pointer to the caller, so the block escapes (no leak).
// check-exit-value: 0
#include <stdlib.h>

struct buf {
    char *data;
    size_t len, cap;
};

struct buf buf_make(size_t cap)
{
    struct buf b = { 0 };
    b.data = malloc(cap); // ERROR "malloc\(cap\) escapes$"
    if (b.data)
        b.cap = cap;
    return b;
}
