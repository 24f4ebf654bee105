// The caller comes before the callee's body (only a prototype above it): the summary still applies, and max_of(&local, ...) can return &local.
// check-exit-value: 1

static const int *max_of(const int *a, const int *b);

const int *best(int seed)
{
    static int floor_value = 10;
    int local = seed * 2; // ERROR "address of local escapes its frame \(dangling after return\)$"
    return max_of(&local, &floor_value);
}

static const int *max_of(const int *a, const int *b) // ERROR "leaking param: a to result ~r0 level=0$" "leaking param: b to result ~r0 level=0$"
{
    return *a >= *b ? a : b;
}
