// list_add links its text argument into the caller's list, so passing the copy to it hands ownership over: the copy escapes (and is freed when list_add fails).
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

struct item {
    char *text;
    struct item *next;
};

struct list {
    struct item *head;
    size_t n;
};

static int list_add(struct list *l, char *text) // ERROR "leaking param content: l$" "leaking param: text$"
{
    struct item *it = malloc(sizeof *it); // ERROR "malloc\(sizeof \*it\) escapes$"
    if (!it)
        return -1;
    it->text = text;
    it->next = l->head;
    l->head = it;
    l->n++;
    return 0;
}

int add_line(struct list *l, const char *line) // ERROR "leaking param content: l$" "^line does not escape$"
{
    char *copy = strdup(line); // ERROR "strdup\(line\) escapes$"
    if (!copy)
        return -1;
    if (list_add(l, copy) != 0) {
        free(copy);
        return -1;
    }
    return 0;
}
