// memcpy of a struct that holds a pointer copies the pointer: copying a local config (pointing at a local buffer) into a global dangles the buffer; copying plain bytes does not.
// check-exit-value: 1
#include <stdio.h>
#include <string.h>

struct config {
    const char *name;
    int level;
};

static struct config g_config;
static char g_banner[32];

void load_config(int level)
{
    char name[16]; // ERROR "address of name escapes its frame \(dangling after return\)$"
    snprintf(name, sizeof name, "cfg%d", level);
    struct config c = { name, level };
    memcpy(&g_config, &c, sizeof c);
}

void load_banner(int level)
{
    char text[32]; // OK
    snprintf(text, sizeof text, "level %d", level);
    memcpy(g_banner, text, sizeof text);
}
