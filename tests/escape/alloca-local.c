// alloca with a run-time size used only locally: not a bug, but the non-constant stack size is noted (row 13).
// check-exit-value: 0
#include <alloca.h>
#include <stdio.h>
#include <string.h>

int print_upper(const char *s) // ERROR "^s does not escape$"
{
    size_t n = strlen(s);
    char *tmp = alloca(n + 1); // ERROR "alloca\(n \+ 1\) \(non-constant size\)$"
    for (size_t i = 0; i <= n; i++)
        tmp[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 'a' + 'A') : s[i];
    return puts(tmp);
}
