// Getters return a pointer loaded through the parameter: it reaches the result after one dereference, level=1.
// check-exit-value: 0

struct item {
    const char *name;
    int qty;
};

const char *item_name(const struct item *it) // ERROR "leaking param: it to result ~r0 level=1$"
{
    return it->name;
}

struct node {
    int v;
    struct node *next;
};

struct node *next_of(struct node *n) // ERROR "leaking param: n to result ~r0 level=1$"
{
    return n->next;
}
