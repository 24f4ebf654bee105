// Returning a VLA: it is both a run-time-sized stack array and a pointer into the dead frame.
// check-exit-value: 1

int *iota(int n)
{
    int v[n]; // ERROR "variable-length array v \(non-constant size\)$" "address of v escapes its frame \(dangling after return\)$"
    for (int i = 0; i < n; i++)
        v[i] = i;
    return v;
}
