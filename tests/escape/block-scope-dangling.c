// An object declared in an inner block dies at that block's '}': the pointer read after the block dangles (row 10).
// check-exit-value: 1

int lookup(int key)
{
    const int *found = 0;
    if (key > 0) {
        int scaled = key * 10; // ERROR "address of scaled escapes its block \(dangling after the block ends\)$"
        found = &scaled;
    }
    return found ? *found : -1;
}
