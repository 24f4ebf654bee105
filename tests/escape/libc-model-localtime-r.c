// localtime_r and gmtime_r return their second argument (the caller's struct tm): returning that for a local struct dangles; an out parameter comes back in the result.
// check-exit-value: 1
#include <time.h>

struct tm *now_local(void)
{
    time_t t = time(NULL); // OK
    struct tm tm; // ERROR "address of tm escapes its frame \(dangling after return\)$"
    return localtime_r(&t, &tm);
}

struct tm *to_utc(const time_t *t, struct tm *out) // ERROR "^t does not escape$" "leaking param: out to result ~r0 level=0$"
{
    return gmtime_r(t, out);
}
