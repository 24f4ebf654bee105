// *slot = v writes v into the caller's memory, which outlives the call: v leaks; slot is only written through.
// check-exit-value: 0

void set_ptr(int **slot, int *v) // ERROR "^slot does not escape$" "leaking param: v$"
{
    *slot = v;
}
