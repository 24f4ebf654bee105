/* Non-ASCII text before the positions: SARIF columns count UTF-16 code
 * units (columnKind), the text and JSON reports count bytes. */
const char *greeting = "héllo wörld";

/* é */ int *f(void) { /* 😀 */ int x = 0; return &x; }

int *
g(int n)
{
	/* ü */ int a[n]; /* 𝄞 */ return /* ß */ &a[0];
}
