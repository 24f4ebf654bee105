// Mutually recursive functions are solved together: the read-only pair does not escape; in the storing pair visit_a leaks n, visit_b leaks only n's content, and every node reachable from &a ends up in the global.
// check-exit-value: 1

struct node {
    int v;
    struct node *next;
};

static int count_odd(const struct node *n);

static int count_even(const struct node *n) // ERROR "^n does not escape$"
{
    return n ? count_odd(n->next) : 0;
}

static int count_odd(const struct node *n) // ERROR "^n does not escape$"
{
    return n ? 1 + count_even(n->next) : 0;
}

static const struct node *g_last_seen;
static void visit_b(const struct node *n);

static void visit_a(const struct node *n) // ERROR "leaking param: n$"
{
    if (!n)
        return;
    g_last_seen = n;
    visit_b(n->next);
}

static void visit_b(const struct node *n) // ERROR "leaking param content: n$"
{
    if (n)
        visit_a(n->next);
}

int scan(void)
{
    struct node c = { 3, 0 }; // ERROR "address of c escapes its frame \(dangling after return\)$"
    struct node b = { 2, &c }; // ERROR "address of b escapes its frame \(dangling after return\)$"
    struct node a = { 1, &b }; // ERROR "address of a escapes its frame \(dangling after return\)$"
    visit_a(&a);
    return count_even(&a);
}
