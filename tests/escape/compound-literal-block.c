// A compound literal lives until the end of its enclosing block (C11 6.5.2.5p5): using it after the if-block's '}' dangles.
// check-exit-value: 1

int first_weight(int custom)
{
    const int *w = 0;
    if (custom) {
        w = (int[4]){ 4, 3, 2, 1 }; // ERROR "address of compound literal \(int\[4\]\)\{\.\.\.\} escapes its block \(dangling after the block ends\)$"
    }
    return w ? w[0] : 0;
}
