// Negative: *id(&x) dereferences the returned address at once, and name_of(&it) returns a field loaded through &it (a string literal), never &it.
// check-exit-value: 0

static int *id(int *p) // ERROR "leaking param: p to result ~r0 level=0$"
{
    return p;
}

int read_back(int v)
{
    int x = v; // OK
    return *id(&x);
}

struct item {
    const char *name;
    int qty;
};

static const char *name_of(const struct item *it) // ERROR "leaking param: it to result ~r0 level=1$"
{
    return it->name;
}

const char *default_item_name(void)
{
    struct item it = { "widget", 1 }; // OK
    return name_of(&it);
}
