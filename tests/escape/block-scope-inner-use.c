// Negative: pointers to block-scope objects that are declared and used inside the same block never outlive them.
// check-exit-value: 0

int total(const int *v, int n) // ERROR "^v does not escape$"
{
    int sum = 0;
    if (n > 0) {
        int first = v[0]; // OK
        const int *p = &first;
        sum += *p;
    }
    {
        int tmp[4] = { 0 }; // OK
        int *q = tmp;
        q[1] = n;
        sum += tmp[1];
    }
    return sum;
}
