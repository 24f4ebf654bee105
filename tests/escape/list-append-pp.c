// The pointer-to-pointer append idiom: n is stored into the caller's list (it leaks), head is only walked; nodes on the caller's stack are fine while the list stays local, but not once it is returned.
// check-exit-value: 1
#include <stddef.h>

struct node {
    int v;
    struct node *next;
};

void append(struct node **head, struct node *n) // ERROR "^head does not escape$" "leaking param: n$"
{
    struct node **pp = head;
    while (*pp)
        pp = &(*pp)->next;
    n->next = NULL;
    *pp = n;
}

int sum_two(int a, int b)
{
    struct node *head = NULL;
    struct node n1 = { a, NULL }; // OK
    struct node n2 = { b, NULL }; // OK
    append(&head, &n1);
    append(&head, &n2);
    int s = 0;
    for (struct node *p = head; p; p = p->next)
        s += p->v;
    return s;
}

struct node *build_two(int a, int b)
{
    struct node *head = NULL;
    struct node n1 = { a, NULL }; // ERROR "address of n1 escapes its frame \(dangling after return\)$"
    struct node n2 = { b, NULL }; // ERROR "address of n2 escapes its frame \(dangling after return\)$"
    append(&head, &n1);
    append(&head, &n2);
    return head;
}
