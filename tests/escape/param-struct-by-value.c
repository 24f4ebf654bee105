// A struct passed by value that holds a pointer gets a summary for the pointer it carries, as Go does for struct parameters with pointers; a struct without pointers gets none.
// check-exit-value: 0
#include <stddef.h>

struct view {
    const char *p;
    size_t n;
};

struct point {
    int x, y;
};

static struct view g_view;

const char *view_data(struct view v) // ERROR "leaking param: v to result ~r0 level=0$"
{
    return v.p;
}

void keep_view(struct view v) // ERROR "leaking param: v$"
{
    g_view = v;
}

size_t view_len(struct view v) // ERROR "^v does not escape$"
{
    return v.n;
}

int norm1(struct point pt)
{
    return (pt.x < 0 ? -pt.x : pt.x) + (pt.y < 0 ? -pt.y : pt.y);
}
