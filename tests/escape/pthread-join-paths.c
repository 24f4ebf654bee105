// A join only protects &v if it runs before every return and joins the thread that got &v: an error return between create and join, or joining another thread, leaves the worker running on a dead frame.
// check-exit-value: 1
#include <pthread.h>
#include <stddef.h>

extern int check_input(void);

static void *work(void *arg) // ERROR "^arg does not escape$"
{
    int *v = arg;
    *v += 1;
    return NULL;
}

int run_checked(int x)
{
    int v = x; // ERROR "address of v escapes its frame \(dangling after return\)$"
    pthread_t t;
    if (pthread_create(&t, NULL, work, &v) != 0)
        return -1;
    if (check_input() < 0)
        return -2;
    pthread_join(t, NULL);
    return v;
}

int run_two(int x)
{
    int v = x; // ERROR "address of v escapes its frame \(dangling after return\)$"
    pthread_t t, u;
    pthread_create(&t, NULL, work, &v);
    pthread_create(&u, NULL, work, NULL);
    pthread_join(u, NULL);
    return v;
}

int run_joined(int x)
{
    int v = x; // OK: the only return follows the join of t
    pthread_t t;
    if (pthread_create(&t, NULL, work, &v) != 0)
        return -1;
    pthread_join(t, NULL);
    return v;
}
