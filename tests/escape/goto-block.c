// Jumping out of a block with goto ends the block's objects just like reaching its '}': *p at the label reads a dead object.
// check-exit-value: 1

extern int try_fast(int *out);

int compute(int v)
{
    int *p = 0;
    {
        int fast = v; // ERROR "address of fast escapes its block \(dangling after the block ends\)$"
        if (try_fast(&fast) == 0) {
            p = &fast;
            goto done;
        }
    }
    return -1;
done:
    return *p;
}
