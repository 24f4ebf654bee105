// Trace of a leaking parameter: name is stored into a global (global store), so it leaks to {heap} with derefs 0.
// check-flags: -m -m
// check-exit-value: 0

static const char *g_name;

void set_name(const char *name) // ERROR "leaking param: name$"
{
    g_name = name;
}

/*
check-output-start
leaking-param.c:7:27: leaking param: name:
leaking-param.c:7:27:   flow: g_name = name:
leaking-param.c:7:27:     from g_name = name (assign) at leaking-param.c:9:5
leaking-param.c:7:27:   flow: {heap} = g_name:
leaking-param.c:7:27:     from g_name (global store) at leaking-param.c:9:5
check-output-end
*/
