/* tests/editors/sample.c: a finding with severity warning (a dangling
 * stack address) whose trace goes through a helper, for the editor tests
 * next to the seed example. */
static int *keep(int *p)
{
	return p;
}

int *dangle(void)
{
	int local = 42;
	int *q = keep(&local);
	return q;
}
