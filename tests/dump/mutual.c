/* Mutual recursion: even and odd form one batch, wired parameter to
 * argument; odd keeps its pointer in a global, so both parameters leak
 * and the caller's local escapes. */
int *last;

int odd(int *p, int n);

int even(int *p, int n)
{
	return n == 0 ? 1 : odd(p, n - 1);
}

int odd(int *p, int n)
{
	last = p;
	return n == 0 ? 0 : even(p, n - 1);
}

int start(void)
{
	int v = 7;
	return even(&v, 3);
}
