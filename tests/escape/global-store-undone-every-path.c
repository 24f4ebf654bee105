// Negative: every return, including the early error return and the setjmp return, is preceded by restoring the global, so &h and &env never outlive the frame.
// check-exit-value: 0
#include <setjmp.h>

struct handler {
    int code;
};

static struct handler *g_handler;
static jmp_buf *g_env;
extern int run_step(int n);
extern void risky(void);

int with_handler(int code)
{
    struct handler h = { code }; // OK
    struct handler *saved = g_handler;
    g_handler = &h;
    if (run_step(1) < 0) {
        g_handler = saved;
        return -1;
    }
    int rc = run_step(2);
    g_handler = saved;
    return rc;
}

int protected_call(void)
{
    jmp_buf env; // OK
    jmp_buf *saved = g_env;
    g_env = &env;
    if (setjmp(env)) {
        g_env = saved;
        return -1;
    }
    risky();
    g_env = saved;
    return 0;
}
