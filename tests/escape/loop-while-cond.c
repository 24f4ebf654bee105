// The loop condition runs again after the body: *prev there reads the previous iteration's c, which is already dead.
// check-exit-value: 1

extern int next_char(void);

int count_until_nul(void)
{
    int *prev = 0;
    int n = 0;
    while (prev == 0 || *prev != 0) {
        int c = next_char(); // ERROR "address of c escapes its loop iteration \(dangling after the iteration ends\)$"
        prev = &c;
        n++;
    }
    return n;
}
