// Negative: cur points at the iteration's t only until it is reset at the end of the body, so neither the next iteration nor the code after the loop can see a dead t.
// check-exit-value: 0

int sum_via_cursor(const int *v, int n) // ERROR "^v does not escape$"
{
    int *cur = 0;
    int s = 0;
    for (int i = 0; i < n; i++) {
        int t = v[i]; // OK
        cur = &t;
        s += *cur;
        cur = 0;
    }
    return cur ? *cur : s;
}
