// Trace of return &x: one flow step from &x (address-of) into ~r0 (return).
// check-flags: -m -m
// check-exit-value: 1

int *answer(void)
{
    int x = 42; // ERROR "address of x escapes its frame \(dangling after return\)$"
    return &x;
}

/*
check-output-start
return-local.c:7:9: address of x escapes its frame (dangling after return):
return-local.c:7:9:   flow: ~r0 = &x:
return-local.c:7:9:     from &x (address-of) at return-local.c:8:12
return-local.c:7:9:     from return &x (return) at return-local.c:8:5
check-output-end
*/
