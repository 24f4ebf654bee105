// A heap block that points at a local but is freed before return never outlives the frame: neither the block nor x escapes.
// check-exit-value: 0
#include <stdlib.h>

struct request {
    int *target;
    int op;
};

extern int submit_sync(int op, int value);

int run_request(int op)
{
    int x = op; // OK
    struct request *r = malloc(sizeof *r); // ERROR "malloc\(sizeof \*r\) does not escape \(constant size: could be an automatic array struct request r\[1\]\)$"
    if (!r)
        return -1;
    r->target = &x;
    r->op = op;
    int rc = submit_sync(r->op, *r->target);
    free(r);
    return rc;
}
