/* The address of a local returned: x escapes its frame. */
int *dangle(void)
{
	int x = 42;
	return &x;
}
