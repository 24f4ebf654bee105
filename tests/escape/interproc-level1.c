// current returns c->pos (level 1): current(&c) returns what c holds, buf's address, so buf dangles while c itself is never exposed.
// check-exit-value: 1
#include <stdio.h>

struct cursor {
    const char *pos;
    int line;
};

static const char *current(const struct cursor *c) // ERROR "leaking param: c to result ~r0 level=1$"
{
    return c->pos;
}

const char *header_line(int n)
{
    char buf[32]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    snprintf(buf, sizeof buf, "# header %d", n);
    struct cursor c = { buf, 1 }; // OK
    return current(&c);
}
