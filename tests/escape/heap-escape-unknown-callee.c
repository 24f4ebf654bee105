// A job handed to a function whose body is not in this file may be kept or freed there: the block escapes, and no leak is claimed.
// check-exit-value: 0
#include <stdlib.h>

struct job {
    int id;
    int prio;
};

extern int submit_job(struct job *j);

int schedule(int id, int prio)
{
    struct job *j = malloc(sizeof *j); // ERROR "malloc\(sizeof \*j\) escapes$"
    if (!j)
        return -1;
    j->id = id;
    j->prio = prio;
    return submit_job(j);
}
