// Building a local linked list: each node moves into head before nd is re-declared and the whole list is freed, so no node escapes or leaks; the nodes outlive their iteration, so an automatic array would not do.
// check-exit-value: 0
#include <stdlib.h>

struct node {
    int v;
    struct node *next;
};

int list_sum(int n)
{
    struct node *head = NULL;
    for (int i = 0; i < n; i++) {
        struct node *nd = malloc(sizeof *nd); // ERROR "malloc\(sizeof \*nd\) does not escape$"
        if (!nd)
            break;
        nd->v = i;
        nd->next = head;
        head = nd;
    }
    int s = 0;
    while (head) {
        struct node *next = head->next;
        s += head->v;
        free(head);
        head = next;
    }
    return s;
}
