// Negative: string literals have static storage, so returning one through a local pointer is fine (row 15).
// check-exit-value: 0

const char *level_name(int level)
{
    const char *name = "unknown";
    if (level == 0)
        name = "debug";
    else if (level == 1)
        name = "info";
    return name;
}

const char *yes_no(int b)
{
    return b ? "yes" : "no";
}
