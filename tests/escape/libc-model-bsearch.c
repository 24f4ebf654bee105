// bsearch returns a pointer into its second argument (the table): a table parameter leaks to the result, a local table returned this way dangles; the key is only read.
// check-exit-value: 1
#include <stdlib.h>

static int cmp_int(const void *a, const void *b) // ERROR "^a does not escape$" "^b does not escape$"
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

const int *find(const int *tab, size_t n, int key) // ERROR "leaking param: tab to result ~r0 level=0$"
{
    return bsearch(&key, tab, n, sizeof *tab, cmp_int);
}

const int *find_prime(int p)
{
    const int primes[] = { 2, 3, 5, 7, 11, 13 }; // ERROR "address of primes escapes its frame \(dangling after return\)$"
    return bsearch(&p, primes, sizeof primes / sizeof primes[0], sizeof primes[0], cmp_int);
}
