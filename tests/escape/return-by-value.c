// Negative: returning values (a struct without pointers, an int read through a pointer to a local) copies data, never an address.
// check-exit-value: 0

struct point {
    int x, y;
};

struct point midpoint(const struct point *a, const struct point *b) // ERROR "^a does not escape$" "^b does not escape$"
{
    struct point m = { (a->x + b->x) / 2, (a->y + b->y) / 2 }; // OK
    return m;
}

int read_through(void)
{
    int x = 5; // OK
    int *p = &x;
    *p += 1;
    return *p;
}
