// A whole-file reader (fopen, fseek/ftell, fread): every error path frees the buffer and closes the file, the success path returns it, so the malloc escapes and nothing leaks.
// check-exit-value: 0
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
    char *buf = malloc((size_t)size + 1); // ERROR "malloc\(\(size_t\)size \+ 1\) escapes$"
    if (!buf) {
        fclose(f);
        return NULL;
    }
    if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[size] = '\0';
    if (len_out)
        *len_out = (size_t)size;
    return buf;
}
