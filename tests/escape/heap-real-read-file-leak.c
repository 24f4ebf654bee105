// The same reader with the classic bug: the short-read path closes the file but forgets the buffer, so the malloc leaks at that return.
// check-exit-value: 1
#include <stdio.h>
#include <stdlib.h>

char *read_file(const char *path, size_t *len_out) // ERROR "^path does not escape$" "^len_out does not escape$"
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0) {
        fclose(f);
        return NULL;
    }
    long size = ftell(f);
    if (size < 0) {
        fclose(f);
        return NULL;
    }
    rewind(f);
    char *buf = malloc((size_t)size + 1); // ERROR "malloc\(\(size_t\)size \+ 1\) leaks \(not freed at the return at line 29\)$"
    if (!buf) {
        fclose(f);
        return NULL;
    }
    if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
        perror(path);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[size] = '\0';
    *len_out = (size_t)size;
    return buf;
}
