// Parameters that are only read (loads of scalars, comparisons) do not escape (row 37).
// check-exit-value: 0
#include <stddef.h>

struct point {
    int x, y;
};

int dot(const struct point *a, const struct point *b) // ERROR "^a does not escape$" "^b does not escape$"
{
    return a->x * b->x + a->y * b->y;
}

long sum(const int *v, size_t n) // ERROR "^v does not escape$"
{
    long s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return s;
}

int is_empty(const char *s) // ERROR "^s does not escape$"
{
    return s == NULL || *s == '\0';
}
