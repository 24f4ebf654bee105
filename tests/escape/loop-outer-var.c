// Negative: found is declared before the loop, in the same block as slot, so &found stays valid after the loop.
// check-exit-value: 0

int last_negative(const int *v, int n) // ERROR "^v does not escape$"
{
    int found = 0; // OK
    int *slot = 0;
    for (int i = 0; i < n; i++) {
        if (v[i] < 0) {
            found = v[i];
            slot = &found;
        }
    }
    return slot ? *slot : 0;
}
