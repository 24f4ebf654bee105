// &st.count and ln.text point into the local struct itself: returning them dangles the whole object.
// check-exit-value: 1

struct stats {
    int count;
    int total;
};

int *count_ptr(void)
{
    struct stats st = { 0, 0 }; // ERROR "address of st escapes its frame \(dangling after return\)$"
    return &st.count;
}

struct line {
    char text[80];
    int len;
};

char *line_text(void)
{
    struct line ln = { "", 0 }; // ERROR "address of ln escapes its frame \(dangling after return\)$"
    return ln.text;
}
