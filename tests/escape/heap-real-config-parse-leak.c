// A config reader with a line buffer from malloc: the bad-port error return forgets free(line), so the buffer leaks on that path.
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int parse_config(FILE *f, int *port) // ERROR "^f does not escape$" "^port does not escape$"
{
    char *line = malloc(256); // ERROR "malloc\(256\) leaks \(not freed at the return at line 25\)$"
    if (!line)
        return -1;
    int lineno = 0;
    while (fgets(line, 256, f)) {
        lineno++;
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '#' || *p == '\n')
            continue;
        if (strncmp(p, "port=", 5) == 0) {
            char *end;
            long v = strtol(p + 5, &end, 10);
            if (end == p + 5 || v <= 0 || v > 65535) {
                fprintf(stderr, "line %d: bad port\n", lineno);
                return -1;
            }
            *port = (int)v;
        }
    }
    free(line);
    return 0;
}
