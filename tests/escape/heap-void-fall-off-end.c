// A void function that falls off its end without freeing: the closing brace is its return, where the block is not freed, so it leaks.
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>

void show_table(int n)
{
    int *row = malloc((size_t)n * sizeof *row); // ERROR "malloc\(\(size_t\)n \* sizeof \*row\) leaks \(not freed at the return at line 15\)$"
    if (!row)
        return;
    for (int i = 0; i < n; i++)
        row[i] = i * i;
    for (int i = 0; i < n; i++)
        printf("%d\n", row[i]);
}
