// vec_init stores the block into the caller's struct through its parameter: the caller owns it now, so it escapes; v itself is only written through.
// check-exit-value: 0
#include <stdlib.h>

struct vec {
    int *data;
    size_t len, cap;
};

int vec_init(struct vec *v, size_t cap) // ERROR "^v does not escape$"
{
    v->data = malloc(cap * sizeof *v->data); // ERROR "malloc\(cap \* sizeof \*v->data\) escapes$"
    if (!v->data)
        return -1;
    v->len = 0;
    v->cap = cap;
    return 0;
}
