// Trace of a block-scope dangling pointer: &in flows into p, which is declared in an outer block and read after in's block ends.
// check-flags: -m -m
// check-exit-value: 1

int maybe_twice(int flag, int v)
{
    int *p = 0;
    if (flag) {
        int in = v * 2; // ERROR "address of in escapes its block \(dangling after the block ends\)$"
        p = &in;
    }
    return p ? *p : v;
}
