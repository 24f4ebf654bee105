// strstr and strrchr return pointers into their first argument: that parameter leaks to the result, the needle does not escape.
// check-exit-value: 0
#include <string.h>

char *find_key(char *haystack, const char *needle) // ERROR "leaking param: haystack to result ~r0 level=0$" "^needle does not escape$"
{
    return strstr(haystack, needle);
}

const char *file_ext(const char *path) // ERROR "leaking param: path to result ~r0 level=0$"
{
    const char *dot = strrchr(path, '.');
    return dot ? dot + 1 : "";
}
