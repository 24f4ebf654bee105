// table_put leaks the new entry when strdup fails (it returns without free(e)); on success the entry and its key copy are linked into the caller's table and escape.
// check-exit-value: 1
#include <stdlib.h>
#include <string.h>

struct entry {
    char *key;
    int val;
    struct entry *next;
};

struct table {
    struct entry *head;
};

int table_put(struct table *t, const char *key, int val) // ERROR "leaking param content: t$" "^key does not escape$"
{
    for (struct entry *e = t->head; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            e->val = val;
            return 0;
        }
    }
    struct entry *e = malloc(sizeof *e); // ERROR "malloc\(sizeof \*e\) leaks \(not freed at the return at line 29\)$"
    if (!e)
        return -1;
    e->key = strdup(key); // ERROR "strdup\(key\) escapes$"
    if (!e->key)
        return -1;
    e->val = val;
    e->next = t->head;
    t->head = e;
    return 0;
}
