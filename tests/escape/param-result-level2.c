// (*argvp)[0] is two loads away from argvp: leaking param to result ~r0 level=2.
// check-exit-value: 0

const char *first_arg(char ***argvp) // ERROR "leaking param: argvp to result ~r0 level=2$"
{
    return (*argvp)[0];
}
