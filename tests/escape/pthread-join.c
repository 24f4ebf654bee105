// A thread joined before the function returns cannot outlive the frame: handing it &local is then not a proven bug (only a -m -m note). Without a join it is.
// check-exit-value: 1
#include <pthread.h>

static void *square(void *arg) // ERROR "leaking param: arg to result ~r0 level=0$"
{
    int *v = arg;
    *v *= *v;
    return arg;
}

int square_in_thread(int x)
{
    int v = x; // OK: joined below
    pthread_t t;
    pthread_create(&t, NULL, square, &v);
    pthread_join(t, NULL);
    return v;
}

int squares_in_threads(void)
{
    int vals[4] = { 1, 2, 3, 4 }; // OK: every thread is joined in the second loop
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, square, &vals[i]);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return vals[0] + vals[1] + vals[2] + vals[3];
}

void fire_and_forget(int x)
{
    int v = x; // ERROR "address of v escapes its frame \(dangling after return\)$"
    pthread_t t;
    pthread_create(&t, NULL, square, &v);
    pthread_detach(t);
}
