// A buffer declared in a braced case block dies at the block's '}', but label is printed after the switch.
// check-exit-value: 1
#include <stdio.h>

int describe(int kind)
{
    const char *label = "none";
    switch (kind) {
    case 1: {
        char buf[16]; // ERROR "address of buf escapes its block \(dangling after the block ends\)$"
        snprintf(buf, sizeof buf, "kind-%d", kind);
        label = buf;
        break;
    }
    case 2:
        label = "two";
        break;
    }
    return puts(label);
}
