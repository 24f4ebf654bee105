// Trace of a VLA size: rows comes from the parameter n through a computation, so grid's size is not constant.
// check-flags: -m -m --format=json
// check-exit-value: 0

int checksum_rows(int n)
{
    int rows = n * 2 + 1;
    int grid[rows]; // ERROR "variable-length array grid \(non-constant size\)$"
    int sum = 0;
    for (int i = 0; i < rows; i++) {
        grid[i] = i * i;
        sum += grid[i];
    }
    return sum;
}

/*
check-output-start
{
	"version":	1,
	"tool":	{
		"name":	"escape-check",
		"version":	"0.1.0",
		"libclang":	"Debian clang version 19.1.7 (3~deb12u1)"
	},
	"level":	2,
	"diagnostics":	[{
			"file":	"vla-json.c",
			"line":	8,
			"column":	9,
			"range":	{
				"start":	{
					"line":	7,
					"character":	8
				},
				"end":	{
					"line":	7,
					"character":	12
				}
			},
			"severity":	"note",
			"code":	"vla",
			"message":	"variable-length array grid (non-constant size)",
			"function":	"checksum_rows",
			"symbol":	"grid",
			"trace":	[{
					"kind":	"flow",
					"file":	"vla-json.c",
					"line":	8,
					"column":	14,
					"message":	"flow: {size of grid} = rows"
				}, {
					"kind":	"from",
					"file":	"vla-json.c",
					"line":	8,
					"column":	14,
					"message":	"from rows (non-constant size)"
				}, {
					"kind":	"from",
					"file":	"vla-json.c",
					"line":	7,
					"column":	9,
					"message":	"from int rows = n * 2 + 1 (computation)"
				}, {
					"kind":	"flow",
					"file":	"vla-json.c",
					"line":	5,
					"column":	23,
					"message":	"flow: rows = n"
				}, {
					"kind":	"from",
					"file":	"vla-json.c",
					"line":	5,
					"column":	23,
					"message":	"from n (parameter)"
				}]
		}],
	"errors":	[]
}
check-output-end
*/
