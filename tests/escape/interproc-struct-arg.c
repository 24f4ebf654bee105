// Negative: a local request struct pointing at a local buffer is passed to a helper that only reads through it; nothing leaves the frame.
// check-exit-value: 0
#include <stdio.h>

struct request {
    const char *data;
    int len;
};

static int send_request(const struct request *r) // ERROR "^r does not escape$"
{
    return printf("%.*s\n", r->len, r->data);
}

int send_number(int v)
{
    char buf[16]; // OK
    int n = snprintf(buf, sizeof buf, "%d", v);
    struct request r = { buf, n }; // OK
    return send_request(&r);
}
