// At -m -m an unknown callee gets a stack-unknown note for &a, while the noescape callee gets nothing for &b: the attribute removes the doubt.
// check-flags: -m -m
// check-exit-value: 0

extern void remember(int *p);
extern void inspect(__attribute__((noescape)) const int *p);

int probe(int v)
{
    int a = v; // ERROR "address of a passed to unknown callee remember \(not proven to dangle\)$"
    int b = v + 1; // OK
    remember(&a);
    inspect(&b);
    return a + b;
}
