// Negative: the dynamic-scoping idiom saves the old global, points it at a local, and restores it before returning: nothing dangles.
// check-exit-value: 0

struct handler {
    int code;
};

static struct handler *g_handler;
extern int run_protected(void);

int with_handler(int code)
{
    struct handler h = { code }; // OK
    struct handler *saved = g_handler;
    g_handler = &h;
    int rc = run_protected();
    g_handler = saved;
    return rc;
}
