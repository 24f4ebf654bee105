// Negative: alloca with a constant size kept local is an ordinary fixed stack block: nothing to say.
// check-exit-value: 0
#include <alloca.h>
#include <stdio.h>

struct header {
    int kind;
    int len;
};

int format_pair(int a, int b)
{
    char *buf = alloca(32); // OK
    struct header *h = alloca(sizeof(struct header)); // OK
    h->kind = a;
    h->len = b;
    snprintf(buf, 32, "%d:%d", h->kind, h->len);
    return puts(buf);
}
