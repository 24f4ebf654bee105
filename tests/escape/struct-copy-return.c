// A struct returned by value carries its pointer fields to the caller: .ptr = buf or .p = &count outlives the frame (row 27); the compound literal itself is copied, not addressed.
// check-exit-value: 1

struct span {
    const char *ptr;
    int len;
};

struct span trimmed(void)
{
    char buf[16] = "  hello  "; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    int start = 2;
    struct span s = { .ptr = buf + start, .len = 5 };
    return s;
}

struct counter_ref {
    int *p;
};

struct counter_ref make_ref(void)
{
    int count = 0; // ERROR "address of count escapes its frame \(dangling after return\)$"
    return (struct counter_ref){ .p = &count };
}
