/* A local's address stored into a global; a second local stored and
 * then overwritten before the return (the store is undone). */
int *saved;

void keep(void)
{
	int x = 1;
	saved = &x;
}

void undone(void)
{
	int y = 2;
	saved = &y;
	saved = 0;
}
