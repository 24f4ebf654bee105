// h->p = &local stores into the caller's struct, which outlives the frame (row 8); h is written through, not kept.
// check-exit-value: 1

struct handle {
    int *flags;
    int fd;
};

void handle_init(struct handle *h, int fd) // ERROR "^h does not escape$"
{
    int default_flags = 0; // ERROR "address of default_flags escapes its frame \(dangling after return\)$"
    h->fd = fd;
    h->flags = &default_flags;
}
