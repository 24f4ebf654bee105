// Negative: qsort sorts in place and keeps neither the array nor the comparator's arguments.
// check-exit-value: 0
#include <stdlib.h>

static int cmp_int(const void *a, const void *b) // ERROR "^a does not escape$" "^b does not escape$"
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

void sort_ints(int *v, size_t n) // ERROR "^v does not escape$"
{
    qsort(v, n, sizeof *v, cmp_int);
}

int median3(int a, int b, int c)
{
    int t[3] = { a, b, c }; // OK
    qsort(t, 3, sizeof t[0], cmp_int);
    return t[1];
}
