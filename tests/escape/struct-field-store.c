// A local struct whose field holds &buf is copied into a global: the copy carries the address, so buf dangles; r itself is copied, not addressed.
// check-exit-value: 1
#include <stdio.h>

struct request {
    const char *path;
    int flags;
};

static struct request g_pending;

void queue_request(int flags)
{
    char path[64]; // ERROR "address of path escapes its frame \(dangling after return\)$"
    snprintf(path, sizeof path, "/tmp/req-%d", flags);
    struct request r = { path, flags };
    g_pending = r;
}
