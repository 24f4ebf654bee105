// Returning the address of a by-value parameter: the parameter is a copy living in the callee's frame (row 3).
// check-exit-value: 1

int *clamp_ref(int v, int lo, int hi) // ERROR "address of v escapes its frame \(dangling after return\)$"
{
    if (v < lo)
        v = lo;
    if (v > hi)
        v = hi;
    return &v;
}
