// A jmp_buf published in a global and never withdrawn: once the function returns, a longjmp through the global jumps into a dead frame.
// check-exit-value: 1
#include <setjmp.h>

static jmp_buf *g_env;
extern void risky(void);

int unprotected_call(void)
{
    jmp_buf env; // ERROR "address of env escapes its frame \(dangling after return\)$"
    g_env = &env;
    if (setjmp(env))
        return -1;
    risky();
    return 0;
}
