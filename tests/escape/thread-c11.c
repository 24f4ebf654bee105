// C11 threads behave like pthreads: thrd_create hands its last argument to the new thread, thrd_join before every return makes &v safe, thrd_detach leaves it dangling.
// check-exit-value: 1
#include <stddef.h>
#include <threads.h>

static int worker(void *arg) // ERROR "^arg does not escape$"
{
    int *v = arg;
    return *v * 2;
}

int run_joined(int x)
{
    int v = x; // OK: joined before the only return after a successful create
    thrd_t t;
    if (thrd_create(&t, worker, &v) != thrd_success)
        return -1;
    int r = 0;
    thrd_join(t, &r);
    return r;
}

void run_detached(int x)
{
    int v = x; // ERROR "address of v escapes its frame \(dangling after return\)$"
    thrd_t t;
    if (thrd_create(&t, worker, &v) == thrd_success)
        thrd_detach(t);
}
