// A function declared __attribute__((malloc)) returns a fresh block, so each call is an allocation site: a discarded result leaks, a returned one escapes.
// check-exit-value: 1
#include <stdlib.h>

extern char *make_label(int id) __attribute__((malloc));

void touch_label(int id)
{
    make_label(id); // ERROR "make_label\(id\) leaks \(result discarded at line 9\)$"
}

char *label_for(int id)
{
    return make_label(id + 1); // ERROR "make_label\(id \+ 1\) escapes$"
}
