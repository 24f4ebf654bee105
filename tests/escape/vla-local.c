// int tmp[n] with n a parameter: the array's size is only known at run time, so it is a VLA (row 14); it is used locally, so nothing else.
// check-exit-value: 0

double spread(const double *v, int n) // ERROR "^v does not escape$"
{
    double tmp[n]; // ERROR "variable-length array tmp \(non-constant size\)$"
    double lo = v[0], hi = v[0];
    for (int i = 0; i < n; i++) {
        tmp[i] = v[i];
        if (tmp[i] < lo)
            lo = tmp[i];
        if (tmp[i] > hi)
            hi = tmp[i];
    }
    return hi - lo;
}
