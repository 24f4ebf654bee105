// Negative: the helper only reads its argument (summary: does not escape), so passing local addresses to it is fine.
// check-exit-value: 0

static int sum(const int *v, int n) // ERROR "^v does not escape$"
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

int total(int extra)
{
    int v[4] = { 1, 2, 3, 4 }; // OK
    int x = extra; // OK
    return sum(v, 4) + sum(&x, 1);
}
