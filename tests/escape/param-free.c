// Passing a parameter (or pointers loaded from it) to free keeps nothing: the parameter does not escape.
// check-exit-value: 0
#include <stdlib.h>

struct obj {
    char *name;
    int *data;
};

void obj_free(struct obj *o) // ERROR "^o does not escape$"
{
    if (!o)
        return;
    free(o->name);
    free(o->data);
    free(o);
}
