// A static local outlives every call, so keeping &local in it dangles after return (row 6).
// check-exit-value: 1

int running_max(int v)
{
    static int *best;
    int cur = v; // ERROR "address of cur escapes its frame \(dangling after return\)$"
    if (!best || cur > *best)
        best = &cur;
    return *best;
}
