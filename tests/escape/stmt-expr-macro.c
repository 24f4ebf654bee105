// Negative: the usual typeof MAX macro is a statement expression that yields a value, never an address.
// check-exit-value: 0

#define MAX(a, b) ({ __typeof__(a) a_ = (a); __typeof__(b) b_ = (b); a_ > b_ ? a_ : b_; })

int array_max(const int *v, int n) // ERROR "^v does not escape$"
{
    int m = v[0];
    for (int i = 1; i < n; i++)
        m = MAX(m, v[i]);
    return m;
}
