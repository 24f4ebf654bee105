// Writing scalars through a parameter, or clearing it with memset, does not make the pointer escape.
// check-exit-value: 0
#include <string.h>

struct point {
    int x, y;
};

void point_init(struct point *p, int x, int y) // ERROR "^p does not escape$"
{
    p->x = x;
    p->y = y;
}

void zero(int *v, size_t n) // ERROR "^v does not escape$"
{
    memset(v, 0, n * sizeof *v);
}

void swap(int *a, int *b) // ERROR "^a does not escape$" "^b does not escape$"
{
    int t = *a;
    *a = *b;
    *b = t;
}
