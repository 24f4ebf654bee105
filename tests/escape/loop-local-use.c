// Negative: a pointer declared inside the loop body to a variable of the same body never crosses an iteration.
// check-exit-value: 0

int sum_abs(const int *v, int n) // ERROR "^v does not escape$"
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        int t = v[i]; // OK
        int *p = &t;
        if (*p < 0)
            *p = -*p;
        s += *p;
    }
    return s;
}
