// Constructor with NULL-initialized pointers and one `err:` label freeing everything: on success all three blocks are returned inside the object (escape), on failure all are freed, so nothing leaks.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

struct conn {
    char *host;
    unsigned char *rbuf;
    size_t rcap;
};

struct conn *conn_new(const char *host, size_t rcap) // ERROR "^host does not escape$"
{
    struct conn *c = NULL;
    char *h = NULL;
    unsigned char *rb = NULL;

    c = malloc(sizeof *c); // ERROR "malloc\(sizeof \*c\) escapes$"
    if (!c)
        goto err;
    h = strdup(host); // ERROR "strdup\(host\) escapes$"
    if (!h)
        goto err;
    rb = malloc(rcap); // ERROR "malloc\(rcap\) escapes$"
    if (!rb)
        goto err;
    c->host = h;
    c->rbuf = rb;
    c->rcap = rcap;
    return c;
err:
    free(rb);
    free(h);
    free(c);
    return NULL;
}
