// _Generic does not evaluate its controlling expression and yields only the selected association: here a string literal, so q neither escapes nor comes back.
// check-exit-value: 0
#include <stdio.h>

#define FMT_OF(x) _Generic((x), int: "%d\n", double: "%f\n", const char *: "%s\n", default: "%p\n")

const char *format_for(const char *q) // ERROR "^q does not escape$"
{
    return FMT_OF(q);
}

int print_int(int v)
{
    int local = v; // OK
    int *p = &local;
    return printf(FMT_OF(*p), *p);
}
