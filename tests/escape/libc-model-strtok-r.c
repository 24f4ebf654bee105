// strtok_r returns a pointer into its first argument and also stores one into *saveptr: with a caller's saveptr the string leaks (heap form wins); with a local one nothing escapes.
// check-exit-value: 0
#include <string.h>

char *first_tok(char *line, char **save) // ERROR "leaking param: line$" "^save does not escape$"
{
    return strtok_r(line, " \t", save);
}

int count_words(const char *text) // ERROR "^text does not escape$"
{
    char buf[128]; // OK
    char *save;
    int n = 0;
    strncpy(buf, text, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (char *tok = strtok_r(buf, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save))
        n++;
    return n;
}
