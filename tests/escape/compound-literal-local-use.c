// Negative: compound literals passed by address to a helper that only reads them never outlive the call.
// check-exit-value: 0

struct point {
    int x, y;
};

static int manhattan(const struct point *a, const struct point *b) // ERROR "^a does not escape$" "^b does not escape$"
{
    int dx = a->x - b->x, dy = a->y - b->y;
    return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
}

int dist_from_origin(int x, int y)
{
    return manhattan(&(struct point){ x, y }, &(struct point){ 0, 0 }); // OK
}
