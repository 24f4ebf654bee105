// A parameter stored into a heap block leaks only if the block does: freed locally it does not escape; handed to an unknown function or a global, it leaks with the block.
// check-exit-value: 0
#include <stdlib.h>

struct box {
    int *p;
};

extern int consume_box(const struct box *b);
static struct box *g_box;

int boxed(int *p) // ERROR "^p does not escape$"
{
    struct box *b = malloc(sizeof *b); // ERROR "malloc\(sizeof \*b\) does not escape \(constant size: could be an automatic array struct box b\[1\]\)$"
    if (!b)
        return -1;
    b->p = p;
    int r = *b->p;
    free(b);
    return r;
}

int boxed_unknown(int *p) // ERROR "leaking param: p$"
{
    struct box *b = malloc(sizeof *b); // ERROR "malloc\(sizeof \*b\) escapes$"
    if (!b)
        return -1;
    b->p = p;
    int r = consume_box(b);
    free(b);
    return r;
}

void boxed_global(int *p) // ERROR "leaking param: p$"
{
    struct box *b = malloc(sizeof *b); // ERROR "malloc\(sizeof \*b\) escapes$"
    if (!b)
        return;
    b->p = p;
    g_box = b;
}
