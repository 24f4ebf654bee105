// cfg->name is loaded through cfg and stored globally: the content leaks, the cfg pointer itself does not.
// check-exit-value: 0

struct config {
    const char *name;
    int level;
};

static const char *g_name;
static int g_level;

void apply_config(const struct config *cfg) // ERROR "leaking param content: cfg$"
{
    g_name = cfg->name;
    g_level = cfg->level;
}
