// A greeting built in a fresh block and returned hands the block to the caller: the malloc escapes; name is only read.
// check-exit-value: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *make_greeting(const char *name) // ERROR "^name does not escape$"
{
    size_t n = strlen(name) + sizeof "Hello, !";
    char *msg = malloc(n); // ERROR "malloc\(n\) escapes$"
    if (!msg)
        return NULL;
    snprintf(msg, n, "Hello, %s!", name);
    return msg;
}
