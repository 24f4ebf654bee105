// A struct passed by value is a copy in the callee's frame: &pt.x dangles after return; a struct with no pointers gets no param summary.
// check-exit-value: 1

struct point {
    int x, y;
};

int *first_coord(struct point pt) // ERROR "address of pt escapes its frame \(dangling after return\)$"
{
    return &pt.x;
}
