// Nodes allocated in a loop and linked together outlive the iteration that made them: an automatic `struct node nd[1]` in the loop body would die at its end, so no automatic-array suggestion.
// check-exit-value: 0
#include <stdlib.h>

struct node {
    int v;
    struct node *next;
};

long sum_to(int n)
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
    long s = 0;
    while (head) {
        struct node *next = head->next;
        s += head->v;
        free(head);
        head = next;
    }
    return s;
}
