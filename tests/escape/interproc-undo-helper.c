// Negative: push_context publishes &ctx in a global and pop_context withdraws it before the only return, the helper-pair form of the unlink-before-return idiom.
// check-known-to-fail: stores made through callee summaries are never undone (docs/design.md, Undone stores)
// check-exit-value: 0

struct context {
    int depth;
};

static struct context *g_ctx;
extern int do_work(void);

static void push_context(struct context *c) // ERROR "leaking param: c$"
{
    g_ctx = c;
}

static void pop_context(void)
{
    g_ctx = 0;
}

int run_in_context(int depth)
{
    struct context ctx = { depth }; // OK
    push_context(&ctx);
    int rc = do_work();
    pop_context();
    return rc;
}

int run_direct(int depth)
{
    struct context ctx = { depth }; // OK
    g_ctx = &ctx;
    int rc = do_work();
    pop_context();
    return rc;
}
