// A FIFO push: the new node is linked at the tail of the caller's queue, so it escapes, and the item pointer stored in it leaks to the caller's memory; the queue pointer itself is only written through.
// check-exit-value: 0
#include <stdlib.h>

struct qnode {
    void *item;
    struct qnode *next;
};

struct queue {
    struct qnode *head, *tail;
    size_t len;
};

int queue_push(struct queue *q, void *item) // ERROR "^q does not escape$" "leaking param: item$"
{
    struct qnode *n = malloc(sizeof *n); // ERROR "malloc\(sizeof \*n\) escapes$"
    if (!n)
        return -1;
    n->item = item;
    n->next = NULL;
    if (q->tail)
        q->tail->next = n;
    else
        q->head = n;
    q->tail = n;
    q->len++;
    return 0;
}
