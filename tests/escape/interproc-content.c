// save_target leaks the content of its parameter: passing &p, with p = &x, stores &x in a global, so x dangles but p does not.
// check-exit-value: 1

static int *g_saved;

static void save_target(int **pp) // ERROR "leaking param content: pp$"
{
    g_saved = *pp;
}

void save_local(int v)
{
    int x = v; // ERROR "address of x escapes its frame \(dangling after return\)$"
    int *p = &x; // OK
    save_target(&p);
}
