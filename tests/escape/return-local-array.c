// Returning a local array: it decays to a pointer to its first element, which dies with the frame (row 2).
// check-exit-value: 1
#include <stdio.h>

char *format_id(int id)
{
    char buf[32]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    snprintf(buf, sizeof buf, "id-%d", id);
    return buf;
}
