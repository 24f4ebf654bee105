// list_pop returns *l (level 1) and stores **l through l (content to the heap): exactly one summary, and the heap form wins.
// check-exit-value: 0

struct node {
    struct node *next;
    int v;
};

struct list {
    struct node *head;
};

struct node *list_pop(struct list *l) // ERROR "leaking param content: l$"
{
    struct node *n = l->head;
    if (n)
        l->head = n->next;
    return n;
}
