// The compound statement of a statement expression is a block: tmp declared inside dies at its '}', so *p afterwards dangles.
// check-exit-value: 1

int scaled_first(const int *v) // ERROR "^v does not escape$"
{
    const int *p = ({
        int tmp = v[0] * 2; // ERROR "address of tmp escapes its block \(dangling after the block ends\)$"
        &tmp;
    });
    return *p;
}
