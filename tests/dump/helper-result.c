/* A helper whose parameter leaks to its result: first returns its
 * argument, deref returns what its argument points to. The callers
 * decide: returning first(&x) makes x escape, using it locally does not. */
int *first(int *p)
{
	return p;
}

int *deref(int **pp)
{
	return *pp;
}

int *bad(void)
{
	int x = 1;
	return first(&x);
}

int fine(void)
{
	int y = 2;
	return *first(&y);
}

int *through(void)
{
	int z = 3;
	int *q = &z;
	return deref(&q);
}
