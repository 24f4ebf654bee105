// Exercise 3, solved: the caller owns the buffer and passes it in, as
// snprintf itself does.  greeting returns the pointer it was given, which
// escape-check records in greeting's summary ("leaking param: buf to
// result ~r0 level=0"): print_greeting's array flows back to it, and is
// used before its frame ends.  No dangling pointer: exit status 0.
// check-flags: -m
// check-exit-value: 0
#include <stddef.h>
#include <stdio.h>

/* "Hello, NAME!" in BUF (SIZE bytes, truncated to fit); returns BUF. */
char *greeting(const char *name, char *buf, size_t size) // ERROR "name does not escape$" "leaking param: buf to result ~r0 level=0$"
{
    snprintf(buf, size, "Hello, %s!", name);
    return buf;
}

/* Prints the greeting for WHO on standard output. */
int print_greeting(const char *who) // ERROR "who does not escape$"
{
    char buf[64];
    return puts(greeting(who, buf, sizeof buf));
}
