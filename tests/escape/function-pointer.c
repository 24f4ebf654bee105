// Calls through function pointers are unknown: &local passed there is not provable (nothing at -m, row 26), but pointer params passed there leak; calling a function pointer does not make it escape.
// check-exit-value: 0

struct visitor {
    void (*visit)(int *item, void *ctx);
    void *ctx;
};

static void (*g_on_value)(const int *);

void notify(int v)
{
    int copy = v; // OK
    if (g_on_value)
        g_on_value(&copy);
}

void apply(int *items, int n, void (*fn)(int *)) // ERROR "leaking param: items$" "^fn does not escape$"
{
    for (int i = 0; i < n; i++)
        fn(&items[i]);
}

void walk(const struct visitor *v, int n) // ERROR "leaking param content: v$"
{
    for (int i = 0; i < n; i++) {
        int item = i; // OK
        v->visit(&item, v->ctx);
    }
}
