// The helper only forwards its parameter to a body-less extern: that is still "not provable" for &x in the caller (nothing at -m), though the helper's param leaks.
// check-exit-value: 0

extern void log_address(const void *p);

static void trace_ptr(const int *p) // ERROR "leaking param: p$"
{
    log_address(p);
}

int traced_value(int v)
{
    int x = v; // OK
    trace_ptr(&x);
    return x;
}
