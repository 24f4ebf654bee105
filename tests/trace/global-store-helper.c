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

/*
check-output-start
global-store-helper.c:7:23: leaking param: p:
global-store-helper.c:7:23:   flow: g_kept = p:
global-store-helper.c:7:23:     from g_kept = p (assign) at global-store-helper.c:9:5
global-store-helper.c:7:23:   flow: {heap} = g_kept:
global-store-helper.c:7:23:     from g_kept (global store) at global-store-helper.c:9:5
global-store-helper.c:14:9: address of x escapes its frame (dangling after return):
global-store-helper.c:14:9:   flow: keep.p = &x:
global-store-helper.c:14:9:     from &x (address-of) at global-store-helper.c:15:10
global-store-helper.c:14:9:     from keep(&x) (call parameter) at global-store-helper.c:15:5
global-store-helper.c:14:9:   flow: {heap} = keep.p:
global-store-helper.c:14:9:     from keep(&x) (leaking param) at global-store-helper.c:15:5
check-output-end
*/
