// nd is a new object on every iteration: head keeps &nd across iterations and the list is walked after the loop, so it dangles.
// check-exit-value: 1

struct node {
    int value;
    struct node *next;
};

int sum_chain(int n)
{
    struct node *head = 0;
    for (int i = 0; i < n; i++) {
        struct node nd = { i, head }; // ERROR "address of nd escapes its loop iteration \(dangling after the iteration ends\)$"
        head = &nd;
    }
    int s = 0;
    for (struct node *p = head; p; p = p->next)
        s += p->value;
    return s;
}
