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

/*
check-output-start
vla-param-computation.c:8:9: variable-length array grid (non-constant size):
vla-param-computation.c:8:9:   flow: {size of grid} = rows:
vla-param-computation.c:8:9:     from rows (non-constant size) at vla-param-computation.c:8:14
vla-param-computation.c:8:9:     from int rows = n * 2 + 1 (computation) at vla-param-computation.c:7:9
vla-param-computation.c:8:9:   flow: rows = n:
vla-param-computation.c:8:9:     from n (parameter) at vla-param-computation.c:5:23
check-output-end
*/
