// A parameter advanced and returned is the same pointer: leaking param to result ~r0 level=0.
// check-exit-value: 0

char *skip_spaces(char *s) // ERROR "leaking param: s to result ~r0 level=0$"
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

struct stats {
    int count;
    int total;
};

int *count_of(struct stats *st) // ERROR "leaking param: st to result ~r0 level=0$"
{
    return &st->count;
}
