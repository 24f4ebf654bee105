// A two-dimensional array with run-time bounds is one VLA object: one note at its name.
// check-exit-value: 0

int count_paths(int rows, int cols)
{
    int grid[rows][cols]; // ERROR "variable-length array grid \(non-constant size\)$"
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            grid[r][c] = (r == 0 || c == 0) ? 1 : grid[r - 1][c] + grid[r][c - 1];
    return grid[rows - 1][cols - 1];
}
