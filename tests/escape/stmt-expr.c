// A GNU statement expression's value is its last expression: the &x picked inside the macro comes out and is returned.
// check-exit-value: 1

#define ADDR_OF_LARGER(a, b) ({ __typeof__(a) *pa_ = &(a), *pb_ = &(b); *pa_ > *pb_ ? pa_ : pb_; })

int *larger(int x, int y) // ERROR "address of x escapes its frame \(dangling after return\)$" "address of y escapes its frame \(dangling after return\)$"
{
    return ADDR_OF_LARGER(x, y);
}

int *pick(int flag)
{
    int local = 3; // ERROR "address of local escapes its frame \(dangling after return\)$"
    return ({
        int *q = &local;
        flag ? q : 0;
    });
}
