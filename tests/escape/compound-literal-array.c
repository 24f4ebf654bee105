// return (int[]){1, 2, 3}: the array compound literal is automatic and decays to a pointer into the dead frame (row 11).
// check-exit-value: 1

const int *default_weights(void)
{
    return (int[]){ 1, 2, 3 }; // ERROR "address of compound literal \(int\[3?\]\)\{\.\.\.\} escapes its frame \(dangling after return\)$"
}
