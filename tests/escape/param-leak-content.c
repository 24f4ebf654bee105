// Only something loaded through the parameter reaches the heap: leaking param content (argv[0] to a global; swapping two pointers through their addresses).
// check-exit-value: 0

static const char *g_progname;

void set_progname(char **argv) // ERROR "leaking param content: argv$"
{
    g_progname = argv[0];
}

void swap_ptrs(int **a, int **b) // ERROR "leaking param content: a$" "leaking param content: b$"
{
    int *t = *a;
    *a = *b;
    *b = t;
}
