// An alloca block is freed when the function returns, so returning it dangles; its size is only known at run time (row 12).
// check-exit-value: 1
#include <alloca.h>
#include <string.h>

char *scratch_copy(const char *s, size_t n) // ERROR "^s does not escape$"
{
    char *p = alloca(n + 1); // ERROR "alloca\(n \+ 1\) \(non-constant size\)$" "address of alloca\(n \+ 1\) escapes its frame \(dangling after return\)$"
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
