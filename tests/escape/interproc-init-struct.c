// parser_init(&p, buf) stores buf into the struct it is given: a local parser used locally is fine, but a parser returned by value or a global parser keeps buf past the frame.
// check-exit-value: 1

struct parser {
    const char *cur;
    int line;
};

static void parser_init(struct parser *p, const char *text) // ERROR "^p does not escape$" "leaking param: text$"
{
    p->cur = text;
    p->line = 1;
}

static int parse(const struct parser *p) // ERROR "^p does not escape$"
{
    return p->cur[0];
}

int parse_local(void)
{
    char buf[16] = "abc"; // OK
    struct parser p; // OK
    parser_init(&p, buf);
    return parse(&p);
}

struct parser make_parser(void)
{
    char buf[16] = "abc"; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    struct parser p;
    parser_init(&p, buf);
    return p;
}

static struct parser g_parser;

void init_global_parser(void)
{
    char buf[16] = "xyz"; // ERROR "address of buf escapes its frame \(dangling after return\)$"
    parser_init(&g_parser, buf);
}
