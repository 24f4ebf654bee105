// A VLA declared in a loop body is a new object each iteration (unlike alloca): a pointer to it kept past the iteration dangles.
// check-exit-value: 1

int last_row_first(int n)
{
    int *keep = 0;
    for (int i = 1; i <= n; i++) {
        int row[i]; // ERROR "variable-length array row \(non-constant size\)$" "address of row escapes its loop iteration \(dangling after the iteration ends\)$"
        row[0] = i;
        keep = row;
    }
    return keep ? keep[0] : 0;
}
