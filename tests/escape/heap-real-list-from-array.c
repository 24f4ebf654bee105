// Building a linked list through a tail pointer: each node is linked into the list that is returned, and the failure path frees the nodes built so far, so the malloc escapes.
// check-exit-value: 0
#include <stdlib.h>

struct node {
    int v;
    struct node *next;
};

static void list_free(struct node *n) // ERROR "^n does not escape$"
{
    while (n) {
        struct node *next = n->next;
        free(n);
        n = next;
    }
}

struct node *list_from_array(const int *a, size_t n) // ERROR "^a does not escape$"
{
    struct node *head = NULL, **tail = &head;
    for (size_t i = 0; i < n; i++) {
        struct node *nd = malloc(sizeof *nd); // ERROR "malloc\(sizeof \*nd\) escapes$"
        if (!nd) {
            list_free(head);
            return NULL;
        }
        nd->v = a[i];
        nd->next = NULL;
        *tail = nd;
        tail = &nd->next;
    }
    return head;
}
