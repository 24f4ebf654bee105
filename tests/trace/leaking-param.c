// Trace of a leaking parameter: name is stored into a global (global store), so it leaks to {heap} with derefs 0.
// check-flags: -m -m
// check-exit-value: 0

static const char *g_name;

void set_name(const char *name) // ERROR "leaking param: name$"
{
    g_name = name;
}
