// return c ? &local : &global may return the local's address: one arm is enough for a may-dangle finding (row 31).
// check-exit-value: 1

static int g_fallback = -1;

const int *choose(int have_value, int v)
{
    int local = v; // ERROR "address of local escapes its frame \(dangling after return\)$"
    return have_value ? &local : &g_fallback;
}
