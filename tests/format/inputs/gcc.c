/* Input of tests/format/gcc.sh: findings whose messages and trace steps
 * contain ": " in the Go-style text (a label, a conditional). */
static char *last;

int *
pick(int c)
{
	int a = 1, b = 2;
	return c ? &a : &b;
}

void
keep(char *name)
{
	last = name;
}
