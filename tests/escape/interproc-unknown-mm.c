// At -m -m the stack-unknown note names the function whose body is unknown (log_address), not the known helper that forwards to it.
// check-flags: -m -m
// check-exit-value: 0

extern void log_address(const void *p);

static void trace_ptr(const int *p) // ERROR "leaking param: p$"
{
    log_address(p);
}

int traced_value(int v)
{
    int x = v; // ERROR "address of x passed to unknown callee log_address \(not proven to dangle\)$"
    trace_ptr(&x);
    return x;
}
