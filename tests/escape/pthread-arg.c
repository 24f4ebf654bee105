// pthread_create hands its last argument to a thread that can outlive the caller: &job given to a detached thread dangles, and a parameter passed there leaks.
// check-exit-value: 1
#include <pthread.h>
#include <stddef.h>

struct job {
    int id;
    int result;
};

static void *run_job(void *arg) // ERROR "^arg does not escape$"
{
    struct job *j = arg;
    j->result = j->id * 2;
    return NULL;
}

int start_detached(int id)
{
    pthread_t t;
    struct job job = { id, 0 }; // ERROR "address of job escapes its frame \(dangling after return\)$"
    if (pthread_create(&t, NULL, run_job, &job) != 0)
        return -1;
    return pthread_detach(t);
}

int start_job(struct job *j, pthread_t *t) // ERROR "leaking param: j$" "^t does not escape$"
{
    return pthread_create(t, NULL, run_job, j);
}
