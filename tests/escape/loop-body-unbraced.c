// A loop body is a block even without braces (C11 6.8.5p5): the compound literal is a new object every iteration, so keeping its address past the iteration dangles, exactly as with braces.
// check-exit-value: 1

struct pair {
    int key, val;
};

int last_pair_sum(const int *keys, const int *vals, int n) // ERROR "^keys does not escape$" "^vals does not escape$"
{
    const struct pair *last = 0;
    for (int i = 0; i < n; i++)
        last = &(struct pair){ keys[i], vals[i] }; // ERROR "address of compound literal \(struct pair\)\{\.\.\.\} escapes its loop iteration \(dangling after the iteration ends\)$"
    return last ? last->key + last->val : 0;
}

int last_pair_sum_braced(const int *keys, const int *vals, int n) // ERROR "^keys does not escape$" "^vals does not escape$"
{
    const struct pair *last = 0;
    for (int i = 0; i < n; i++) {
        last = &(struct pair){ keys[i], vals[i] }; // ERROR "address of compound literal \(struct pair\)\{\.\.\.\} escapes its loop iteration \(dangling after the iteration ends\)$"
    }
    return last ? last->key + last->val : 0;
}
