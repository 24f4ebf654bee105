// putenv keeps the very string it is given in the environment: a local buffer passed to it dangles once the function returns (the classic TZ= bug).
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>

int set_tz(const char *tz) // ERROR "^tz does not escape$"
{
    char buf[64]; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    snprintf(buf, sizeof buf, "TZ=%s", tz);
    return putenv(buf);
}

int set_env_entry(char *entry) // ERROR "leaking param: entry$"
{
    return putenv(entry);
}
