// A parameter stored in a static local outlives the call (and may be returned by a later call): leaking param.
// check-exit-value: 0

const char *swap_name(const char *name) // ERROR "leaking param: name$"
{
    static const char *current = "default";
    const char *old = current;
    current = name;
    return old;
}
