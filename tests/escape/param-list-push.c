// list_push stores n into the caller's list (n leaks) and copies l->head into the caller's node (only l's content leaks).
// check-exit-value: 0

struct node {
    int v;
    struct node *next;
};

struct list {
    struct node *head;
};

void list_push(struct list *l, struct node *n) // ERROR "leaking param content: l$" "leaking param: n$"
{
    n->next = l->head;
    l->head = n;
}
