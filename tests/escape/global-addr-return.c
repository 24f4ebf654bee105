// Negative: addresses of file-scope arrays and of a block-scope extern declaration are static storage, never frame objects.
// check-exit-value: 0

static int table[16];

int *slot(int i)
{
    return &table[i & 15];
}

int *shared_counter(void)
{
    extern int g_shared_counter;
    return &g_shared_counter;
}
