// The name copy is stored in a node that is linked into a global list: the node escapes, and so does the copy stored in it; the error path frees the node.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

struct entry {
    char *name;
    struct entry *next;
};

static struct entry *g_entries;

int register_name(const char *name) // ERROR "^name does not escape$"
{
    struct entry *e = malloc(sizeof *e); // ERROR "malloc\(sizeof \*e\) escapes$"
    if (!e)
        return -1;
    e->name = strdup(name); // ERROR "strdup\(name\) escapes$"
    if (!e->name) {
        free(e);
        return -1;
    }
    e->next = g_entries;
    g_entries = e;
    return 0;
}
