// A body-less extern with no model may or may not keep a pointer: &local passed there is not provably dangling (nothing at -m, row 25), but a parameter passed there leaks.
// check-exit-value: 0
#include <stddef.h>

extern int read_record(int fd, void *buf, size_t len);
extern void set_user_data(void *p);
extern int read_int(int *out);

int read_header(int fd)
{
    unsigned char hdr[16]; // OK
    if (read_record(fd, hdr, sizeof hdr) < 0)
        return -1;
    return hdr[0];
}

int poll_value(void)
{
    int v; // OK
    if (read_int(&v) != 0)
        return -1;
    return v;
}

void attach(void *data) // ERROR "leaking param: data$"
{
    set_user_data(data);
}
