// keep stores its parameter in a global (summary: leaking param), so keep(&x) leaves the global pointing at a dead local.
// check-exit-value: 1

static int *g;

static void keep(int *p) // ERROR "leaking param: p$"
{
    g = p;
}

void register_local(int v)
{
    int x = v; // ERROR "address of x escapes its frame \(dangling after return\)$"
    keep(&x);
}
