// A typedef of a variably modified type makes every object declared with it a VLA: the note goes on the object, not the typedef.
// check-exit-value: 0

double row_max(int cols, const double *src) // ERROR "^src does not escape$"
{
    typedef double row_t[cols];
    row_t row; // ERROR "variable-length array row \(non-constant size\)$"
    double m = src[0];
    for (int i = 0; i < cols; i++) {
        row[i] = src[i];
        if (row[i] > m)
            m = row[i];
    }
    return m;
}
