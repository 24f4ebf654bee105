// Negative: the global is reset before the only return, so &c never outlives the frame (row 30).
// check-exit-value: 0

struct ctx {
    int depth;
};

static struct ctx *g_current;
extern void run_hooks(void);

static int current_depth(const struct ctx *c) // ERROR "^c does not escape$"
{
    return c ? c->depth : -1;
}

void with_context(int depth)
{
    struct ctx c = { depth }; // OK
    g_current = &c;
    run_hooks();
    g_current = 0;
}

int nested_depth(int depth)
{
    struct ctx c = { depth + 1 }; // OK
    g_current = &c;
    int d = current_depth(g_current);
    g_current = 0;
    return d;
}
