// A compound literal at block scope has automatic storage: returning a pointer to it dangles, like any local.
// check-exit-value: 1

struct point {
    int x, y;
};

struct point *origin(void)
{
    struct point *p = &(struct point){ 0, 0 }; // ERROR "address of compound literal \(struct point\)\{\.\.\.\} escapes its frame \(dangling after return\)$"
    return p;
}
