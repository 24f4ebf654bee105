// The allocation is named by its call text with whitespace runs (here a line break and indentation) folded to single spaces.
// check-exit-value: 0
#include <stdlib.h>

struct msg {
    size_t len;
    char body[];
};

struct msg *msg_new(size_t len)
{
    struct msg *m = malloc(sizeof(struct msg) // ERROR "malloc\(sizeof\(struct msg\) \+ len \+ 1\) escapes$"
                           + len + 1);
    if (m)
        m->len = len;
    return m;
}
