// A heap block handed to a body-less extern may be kept there: it escapes (heap blocks are not dangling bugs, so this is only a fact).
// check-exit-value: 0
#include <stdlib.h>

extern void queue_push(void *item);

void enqueue(int v)
{
    int *item = malloc(sizeof *item); // ERROR "malloc\(sizeof \*item\) escapes$"
    if (!item)
        return;
    *item = v;
    queue_push(item);
}
