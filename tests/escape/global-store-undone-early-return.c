// The global is reset on the normal path but not on the early error return, so on that path it still points at the dead buffer.
// check-exit-value: 1
#include <stdio.h>

static const char *g_current_file;
extern int process(void);

int with_file(int id)
{
    char name[32]; // ERROR "address of name escapes its frame \(dangling after return\)$"
    snprintf(name, sizeof name, "file-%d", id);
    g_current_file = name;
    if (process() < 0)
        return -1;
    g_current_file = 0;
    return 0;
}
