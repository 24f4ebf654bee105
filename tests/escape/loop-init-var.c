// i is declared once in the for statement (C11 6.8.5p5), so it lives for the whole loop, not one iteration; *hit after the loop reads a dead object: its block ended.
// check-exit-value: 1

int find_index(const int *v, int n, int key) // ERROR "^v does not escape$"
{
    const int *hit = 0;
    for (int i = 0; i < n; i++) { // ERROR "address of i escapes its block \(dangling after the block ends\)$"
        if (v[i] == key) {
            hit = &i;
            break;
        }
    }
    return hit ? *hit : -1;
}
