// `if ((p = malloc(n)) == NULL) return` assigns and tests in one: the early return is the NULL path, so nothing leaks there.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

int reverse_print(const char *s, char *out, size_t outlen) // ERROR "^s does not escape$" "^out does not escape$"
{
    size_t n = strlen(s);
    char *tmp;
    if ((tmp = malloc(n + 1)) == NULL) // ERROR "malloc\(n \+ 1\) does not escape \(non-constant size\)$"
        return -1;
    for (size_t i = 0; i < n; i++)
        tmp[i] = s[n - 1 - i];
    tmp[n] = '\0';
    if (n + 1 > outlen) {
        free(tmp);
        return -1;
    }
    memcpy(out, tmp, n + 1);
    free(tmp);
    return 0;
}
