// Trace of a VLA size: rows comes from the parameter n through a computation, so grid's size is not constant.
// check-flags: -m -m
// check-exit-value: 0

int checksum_rows(int n)
{
    int rows = n * 2 + 1;
    int grid[rows]; // ERROR "variable-length array grid \(non-constant size\)$"
    int sum = 0;
    for (int i = 0; i < rows; i++) {
        grid[i] = i * i;
        sum += grid[i];
    }
    return sum;
}
