// list_pop returns *l (level 1) and stores **l through l (content to the heap, derefs 2): as in Go, a result leak is dropped only when it is no shallower than the heap leak, so both lines show.
// check-exit-value: 0

struct node {
    struct node *next;
    int v;
};

struct list {
    struct node *head;
};

struct node *list_pop(struct list *l) // ERROR "leaking param content: l$" "leaking param: l to result ~r0 level=1$"
{
    struct node *n = l->head;
    if (n)
        l->head = n->next;
    return n;
}
