// Trace through a helper's summary: keep leaks p to {heap} by a global store, so keep(&x) is a call parameter flow of &x into {heap}.
// check-flags: -m -m
// check-exit-value: 1

static int *g_kept;

static void keep(int *p) // ERROR "leaking param: p$"
{
    g_kept = p;
}

void keep_local(int v)
{
    int x = v; // ERROR "address of x escapes its frame \(dangling after return\)$"
    keep(&x);
}
