// Trace of return &x: one flow step from &x (address-of) into ~r0 (return).
// check-flags: -m -m --format=json
// check-exit-value: 1

int *answer(void)
{
    int x = 42; // ERROR "address of x escapes its frame \(dangling after return\)$"
    return &x;
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
			"file":	"return-local-json.c",
			"line":	7,
			"column":	9,
			"range":	{
				"start":	{
					"line":	6,
					"character":	8
				},
				"end":	{
					"line":	6,
					"character":	9
				}
			},
			"severity":	"warning",
			"code":	"stack-escape",
			"message":	"address of x escapes its frame (dangling after return)",
			"function":	"answer",
			"symbol":	"x",
			"trace":	[{
					"kind":	"flow",
					"file":	"return-local-json.c",
					"line":	8,
					"column":	12,
					"message":	"flow: ~r0 = &x"
				}, {
					"kind":	"from",
					"file":	"return-local-json.c",
					"line":	8,
					"column":	12,
					"message":	"from &x (address-of)"
				}, {
					"kind":	"from",
					"file":	"return-local-json.c",
					"line":	8,
					"column":	5,
					"message":	"from return &x (return)"
				}]
		}],
	"errors":	[]
}
check-output-end
*/
