// Negative: a VLA parameter is adjusted to a pointer, a pointer to a VLA type is a pointer and sizeof(int[n]) creates nothing: no stack array anywhere.
// check-exit-value: 0
#include <stddef.h>

double trace(int n, const double m[n][n]) // ERROR "^m does not escape$"
{
    double t = 0;
    for (int i = 0; i < n; i++)
        t += m[i][i];
    return t;
}

void fill(int n, int v[n], int x) // ERROR "^v does not escape$"
{
    for (int i = 0; i < n; i++)
        v[i] = x;
}

void scale_rows(int rows, int cols, double (*a)[cols], double k) // ERROR "^a does not escape$"
{
    for (int r = 0; r < rows; r++) {
        double (*row)[cols] = &a[r]; // OK
        for (int c = 0; c < cols; c++)
            (*row)[c] *= k;
    }
}

size_t row_bytes(int cols)
{
    return sizeof(int[cols]); // OK
}
