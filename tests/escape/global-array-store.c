// g_names[i] = local buffer: an element of a global array is global storage, so the buffer dangles after return (row 28).
// check-exit-value: 1
#include <stdio.h>

#define MAX_HANDLERS 8
static const char *g_names[MAX_HANDLERS];

void register_default(int i)
{
    char name[16]; // ERROR "address of name escapes its frame \(dangling after return\)$"
    snprintf(name, sizeof name, "handler%d", i);
    g_names[i % MAX_HANDLERS] = name;
}
