// The address is copied into a local pointer before being returned: copies keep pointing at the local (row 4).
// check-exit-value: 1

struct config {
    int verbose;
    int depth;
};

const struct config *default_config(void)
{
    struct config cfg = { 0, 8 }; // ERROR "address of cfg escapes its frame \(dangling after return\)$"
    const struct config *p = &cfg;
    return p;
}
