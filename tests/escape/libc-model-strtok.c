// strtok returns a pointer into the string it tokenizes: the line parameter leaks to the result; the delimiters only get read.
// check-exit-value: 0
#include <string.h>

char *first_field(char *line, const char *delims) // ERROR "leaking param: line to result ~r0 level=0$" "^delims does not escape$"
{
    return strtok(line, delims);
}
