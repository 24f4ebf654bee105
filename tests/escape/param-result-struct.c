// A parameter stored in a struct that is returned by value comes back in the result: leaking param to result ~r0 level=0.
// check-exit-value: 0
#include <stddef.h>

struct slice {
    const int *ptr;
    size_t len;
};

struct slice make_slice(const int *p, size_t n) // ERROR "leaking param: p to result ~r0 level=0$"
{
    struct slice s = { p, n };
    return s;
}
