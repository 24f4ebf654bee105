// Indirection levels: return *pp with pp = &p, p = &x hands back &x (x dangles) but only p's value, never &p; returning **pp returns an int.
// check-exit-value: 1

int *via_double(void)
{
    int x = 7; // ERROR "address of x escapes its frame \(dangling after return\)$"
    int *p = &x; // OK
    int **pp = &p;
    return *pp;
}

int value_via_double(void)
{
    int y = 8; // OK
    int *p = &y;
    int **pp = &p;
    return **pp;
}
