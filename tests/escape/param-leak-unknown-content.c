// it->name, loaded through the parameter, goes to a body-less extern: only the content leaks.
// check-exit-value: 0

struct item {
    const char *name;
    int qty;
};

extern void log_str(const char *s);

void log_item(const struct item *it) // ERROR "leaking param content: it$"
{
    log_str(it->name);
}
