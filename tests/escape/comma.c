// The value of a comma expression is its right operand: (g_calls++, &snapshot) returns the local's address.
// check-exit-value: 1

static int g_calls;

int *bump(void)
{
    int snapshot = g_calls; // ERROR "address of snapshot escapes its frame \(dangling after return\)$"
    return (g_calls++, &snapshot);
}
