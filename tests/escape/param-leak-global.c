// A parameter stored in a global (or an element of a global struct's array) outlives the call: leaking param (row 36).
// check-exit-value: 0

static const char *g_prefix;

void set_log_prefix(const char *prefix) // ERROR "leaking param: prefix$"
{
    g_prefix = prefix;
}

static struct {
    int *slots[8];
} g_reg;

void register_slot(int i, int *slot) // ERROR "leaking param: slot$"
{
    g_reg.slots[i & 7] = slot;
}
