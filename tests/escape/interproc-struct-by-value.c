// A struct carrying a local buffer's address, passed by value to a helper that keeps it or returned from a helper that builds it, takes the buffer's address with it.
// check-exit-value: 1
#include <stddef.h>
#include <stdio.h>

struct view {
    const char *p;
    size_t n;
};

static struct view g_view;

static void keep_view(struct view v) // ERROR "leaking param: v$"
{
    g_view = v;
}

static size_t view_len(struct view v) // ERROR "^v does not escape$"
{
    return v.n;
}

static struct view view_of(const char *s, size_t n) // ERROR "leaking param: s to result ~r0 level=0$"
{
    struct view v = { s, n };
    return v;
}

void publish(int id)
{
    char buf[16]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    int n = snprintf(buf, sizeof buf, "%d", id);
    keep_view((struct view){ buf, (size_t)n });
}

size_t measure(int id)
{
    char buf[16]; // OK
    int n = snprintf(buf, sizeof buf, "%d", id);
    return view_len(view_of(buf, (size_t)n));
}

struct view render(int id)
{
    char buf[16]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    int n = snprintf(buf, sizeof buf, "%d", id);
    return view_of(buf, (size_t)n);
}
