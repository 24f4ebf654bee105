// Copying a block-local struct that points at a block-local array out of the block carries the array's address past its '}'.
// check-exit-value: 1

struct tok {
    const char *s;
    int len;
};

int first_char(int flag)
{
    struct tok t = { "", 0 };
    if (flag) {
        char word[8] = "hi"; // ERROR "address of word escapes its block \(dangling after the block ends\)$"
        struct tok u = { word, 2 };
        t = u;
    }
    return t.s[0];
}
