// Trace of return &x: one flow step from &x (address-of) into ~r0 (return).
// check-flags: -m -m
// check-exit-value: 1

int *answer(void)
{
    int x = 42; // ERROR "address of x escapes its frame \(dangling after return\)$"
    return &x;
}
