// Negative: ?: choosing between addresses of by-value params that are only dereferenced locally: nothing leaves the frame.
// check-exit-value: 0

int max3(int a, int b, int c)
{
    const int *m = a > b ? &a : &b;
    m = *m > c ? m : &c;
    return *m;
}
