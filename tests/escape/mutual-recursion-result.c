// skip_a/skip_b return their argument or recurse on s + 1: p only ever reaches the result (level 0), never global memory, so text and the local buffer stay put.
// check-exit-value: 0

static const char *skip_b(const char *s);

static const char *skip_a(const char *s) // ERROR "leaking param: s to result ~r0 level=0$"
{
    return *s == 'a' ? skip_b(s + 1) : s;
}

static const char *skip_b(const char *s) // ERROR "leaking param: s to result ~r0 level=0$"
{
    return *s == 'b' ? skip_a(s + 1) : s;
}

int count_ab(const char *text) // ERROR "^text does not escape$"
{
    return (int)(skip_a(text) - text);
}

int stops_at(void)
{
    char buf[8] = "abab!"; // OK
    return *skip_a(buf);
}
