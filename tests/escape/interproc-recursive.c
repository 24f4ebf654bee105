// Self-recursive helpers: last returns n or a node reached from it (level 0), length only reads; the caller only dereferences, so no local escapes.
// check-exit-value: 0

struct node {
    int v;
    struct node *next;
};

static struct node *last(struct node *n) // ERROR "leaking param: n to result ~r0 level=0$"
{
    return n->next ? last(n->next) : n;
}

static int length(const struct node *n) // ERROR "^n does not escape$"
{
    return n ? 1 + length(n->next) : 0;
}

int tail_value(void)
{
    struct node c = { 3, 0 }; // OK
    struct node b = { 2, &c }; // OK
    struct node a = { 1, &b }; // OK
    return last(&a)->v + length(&a);
}
