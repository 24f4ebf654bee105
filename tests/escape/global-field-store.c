// A field of a global struct is global storage: g_settings.log_path = local buffer dangles after return.
// check-exit-value: 1
#include <stdio.h>

struct settings {
    const char *log_path;
    int level;
};

struct settings g_settings;

void load_settings(int level)
{
    char path[64]; // ERROR "address of path escapes its frame \(dangling after return\)$"
    snprintf(path, sizeof path, "/var/log/app-%d.log", level);
    g_settings.log_path = path;
    g_settings.level = level;
}
