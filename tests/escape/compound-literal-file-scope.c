// Negative: a compound literal at file scope has static storage duration, so pointers to it never dangle.
// check-exit-value: 0

static const int *primes = (const int[]){ 2, 3, 5, 7, 11 };

struct range {
    int lo, hi;
};

static struct range *default_range = &(struct range){ 0, 100 };

const int *get_primes(void)
{
    return primes;
}

struct range *get_default_range(void)
{
    return default_range;
}
