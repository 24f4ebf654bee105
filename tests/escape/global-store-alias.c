// &local reaches the global through a local pointer: the copy carries the address, so it still dangles.
// check-exit-value: 1

struct session {
    int id;
    int flags;
};

struct session *g_active;

int open_session(int id)
{
    struct session s = { id, 0 }; // ERROR "address of s escapes its frame \(dangling after return\)$"
    struct session *cur = &s;
    g_active = cur;
    return cur->id;
}
