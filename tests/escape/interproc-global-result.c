// The result of id(&x) is &x; storing that result in a global dangles x, even though id itself only returns its argument.
// check-exit-value: 1

static int *g_cursor;

static int *id(int *p) // ERROR "leaking param: p to result ~r0 level=0$"
{
    return p;
}

void set_cursor(int v)
{
    int x = v; // ERROR "address of x escapes its frame \(dangling after return\)$"
    g_cursor = id(&x);
}
