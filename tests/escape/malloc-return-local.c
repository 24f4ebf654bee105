// The block is kept in a local, initialised and then returned: it leaves the function, so it escapes.
// check-exit-value: 0
#include <stdlib.h>

struct buffer {
    char *data;
    size_t len;
};

struct buffer *buffer_new(void)
{
    struct buffer *b = malloc(sizeof *b); // ERROR "malloc\(sizeof \*b\) escapes$"
    if (!b)
        return NULL;
    b->data = NULL;
    b->len = 0;
    return b;
}
