// Negative: strlen, strcmp and memcmp only read their arguments and return integers: nothing escapes.
// check-exit-value: 0
#include <stdio.h>
#include <string.h>

size_t padded_len(const char *s) // ERROR "^s does not escape$"
{
    char buf[32]; // OK
    snprintf(buf, sizeof buf, "[%s]", s);
    return strlen(buf);
}

int same_name(const char *a, const char *b) // ERROR "^a does not escape$" "^b does not escape$"
{
    size_t n = strlen(a);
    return strcmp(a, b) == 0 && memcmp(a, b, n) == 0;
}
