// Array parameters are pointers: &a[i] returned leaks a to the result; a[static 4] that is only read does not escape.
// check-exit-value: 0

int *at(int a[], int i) // ERROR "leaking param: a to result ~r0 level=0$"
{
    return &a[i];
}

int sum4(const int a[static 4]) // ERROR "^a does not escape$"
{
    return a[0] + a[1] + a[2] + a[3];
}
