// A parameter whose pointer type hides behind a typedef (an opaque handle, a callback) is still a pointer parameter and gets its summary.
// check-exit-value: 0

typedef struct handle *handle_t;
typedef void (*callback_t)(void *);

struct handle {
    int fd;
};

static handle_t g_current;

int handle_fd(handle_t h) // ERROR "^h does not escape$"
{
    return h->fd;
}

void handle_activate(handle_t h) // ERROR "leaking param: h$"
{
    g_current = h;
}

void invoke(callback_t cb, void *arg) // ERROR "^cb does not escape$" "leaking param: arg$"
{
    cb(arg);
}
