// set_ptr stores v into *slot: into a local pointer whose value is only read, nothing escapes; returned, or stored into the caller's memory, &x dangles.
// check-exit-value: 1

static void set_ptr(int **slot, int *v) // ERROR "^slot does not escape$" "leaking param: v$"
{
    *slot = v;
}

int use_local(int a)
{
    int x = a; // OK
    int *p = 0;
    set_ptr(&p, &x);
    return *p;
}

int *return_local(int a)
{
    int x = a; // ERROR "address of x escapes its frame \(dangling after return\)$"
    int *p = 0;
    set_ptr(&p, &x);
    return p;
}

void out_local(int **out, int a) // ERROR "^out does not escape$"
{
    int x = a; // ERROR "address of x escapes its frame \(dangling after return\)$"
    set_ptr(out, &x);
}
