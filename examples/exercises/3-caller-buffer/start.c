// Exercise 3: a function that returns its own local buffer.
// Let the caller provide the buffer; see README.md.  Check your work:
//     sh examples/exercises/check.sh 3
// The ERROR comments say what escape-check reports on this file today.
// check-flags: -m
// check-exit-value: 1
#include <stddef.h>
#include <stdio.h>

/* "Hello, NAME!" */
char *greeting(const char *name) // ERROR "name does not escape$"
{
    char buf[64]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    snprintf(buf, sizeof buf, "Hello, %s!", name);
    return buf;
}

/* Prints the greeting for WHO on standard output. */
int print_greeting(const char *who) // ERROR "who does not escape$"
{
    return puts(greeting(who));
}
