// A user-data pointer handed through a helper to a callback is unknown territory: the helper's parameter leaks, but &local in the caller is not provably dangling (nothing at -m).
// check-exit-value: 0
#include <stdio.h>

typedef void (*visit_fn)(int value, void *user);

static void for_each(const int *v, int n, visit_fn fn, void *user) // ERROR "^v does not escape$" "^fn does not escape$" "leaking param: user$"
{
    for (int i = 0; i < n; i++)
        fn(v[i], user);
}

static void add_to(int value, void *user) // ERROR "^user does not escape$"
{
    *(long *)user += value;
}

long sum_with_callback(const int *v, int n) // ERROR "^v does not escape$"
{
    long total = 0; // OK
    for_each(v, n, add_to, &total);
    return total;
}
