// The pointer lives in a middle block and the object in an inner one: reading *p after the inner '}' dangles even though p's own block is still open.
// check-exit-value: 1

int nested(int a)
{
    int r = 0;
    {
        const int *p = &r;
        {
            int inner = a + 1; // ERROR "address of inner escapes its block \(dangling after the block ends\)$"
            p = &inner;
        }
        r = *p;
    }
    return r;
}
