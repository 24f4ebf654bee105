// A URL decoder whose malformed-escape return forgets the output buffer: the malloc leaks on that path (it escapes on the others, but a leak wins).
// check-exit-value: 1
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *url_decode(const char *s) // ERROR "^s does not escape$"
{
    size_t n = strlen(s);
    char *out = malloc(n + 1); // ERROR "malloc\(n \+ 1\) leaks \(not freed at the return at line 18\)$"
    if (!out)
        return NULL;
    char *w = out;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%') {
            if (i + 2 >= n || !isxdigit((unsigned char)s[i + 1]) ||
                !isxdigit((unsigned char)s[i + 2]))
                return NULL;
            char hex[3] = { s[i + 1], s[i + 2], '\0' };
            *w++ = (char)strtol(hex, NULL, 16);
            i += 2;
        } else if (s[i] == '+') {
            *w++ = ' ';
        } else {
            *w++ = s[i];
        }
    }
    *w = '\0';
    return out;
}
