// A strdup stored into a returned heap node escapes along with the node; the name parameter is only copied.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

struct node {
    char *name;
    struct node *next;
};

struct node *node_new(const char *name) // ERROR "^name does not escape$"
{
    struct node *n = malloc(sizeof *n); // ERROR "malloc\(sizeof \*n\) escapes$"
    if (!n)
        return NULL;
    n->name = strdup(name); // ERROR "strdup\(name\) escapes$"
    n->next = NULL;
    return n;
}
