// Storing &local in a global that is never reset: the global dangles once the function returns (row 5).
// check-exit-value: 1

static int *g_last_result;

void compute(int a, int b)
{
    int result = a * b; // ERROR "address of result escapes its frame \(dangling after return\)$"
    g_last_result = &result;
}

int last_result(void)
{
    return g_last_result ? *g_last_result : 0;
}
