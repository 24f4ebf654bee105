// A store into a global two calls down: set_current and begin_section both leak their parameter, so begin_section(name) dangles the caller's buffer.
// check-exit-value: 1
#include <stdio.h>

static const char *g_current;

static void set_current(const char *s) // ERROR "leaking param: s$"
{
    g_current = s;
}

static void begin_section(const char *name) // ERROR "leaking param: name$"
{
    set_current(name);
}

void run_section(int id)
{
    char name[32]; // ERROR "address of name escapes its frame \(dangling after return\)$"
    snprintf(name, sizeof name, "section-%d", id);
    begin_section(name);
}
