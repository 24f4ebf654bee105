// setvbuf makes the stream use the given buffer until it is closed: a static buffer is fine, a local one dangles after return.
// check-exit-value: 1
#include <stdio.h>

void buffer_stdout(void)
{
    static char ok[BUFSIZ];
    setvbuf(stdout, ok, _IOFBF, sizeof ok);
}

void buffer_stderr(void)
{
    char bad[BUFSIZ]; // ERROR "address of bad escapes its frame \(dangling after return\)$"
    setvbuf(stderr, bad, _IOFBF, sizeof bad);
}
