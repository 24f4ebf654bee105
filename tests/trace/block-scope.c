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

/*
check-output-start
block-scope.c:9:13: address of in escapes its block (dangling after the block ends):
block-scope.c:9:13:   flow: p = &in:
block-scope.c:9:13:     from &in (address-of) at block-scope.c:10:13
block-scope.c:9:13:     from p = &in (assign) at block-scope.c:10:9
block-scope.c:9:13:     from p (used after the object is gone) at block-scope.c:12:12
check-output-end
*/
