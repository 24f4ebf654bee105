// return p + 1 hands back a pointer into the caller's object: p leaks to the result at level 0 (row 38).
// check-exit-value: 0

int *next_elem(int *p) // ERROR "leaking param: p to result ~r0 level=0$"
{
    return p + 1;
}

const char *nth_byte(const char *s, int n) // ERROR "leaking param: s to result ~r0 level=0$"
{
    return &s[n];
}
