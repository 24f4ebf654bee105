// best keeps &len from an earlier iteration of the while loop and compares through it later: len is a new object each time round.
// check-exit-value: 1

extern int next_value(void);

int longest_run(void)
{
    const int *best = 0;
    int n;
    while ((n = next_value()) >= 0) {
        int len = n; // ERROR "address of len escapes its loop iteration \(dangling after the iteration ends\)$"
        if (!best || len > *best)
            best = &len;
    }
    return best ? *best : 0;
}
