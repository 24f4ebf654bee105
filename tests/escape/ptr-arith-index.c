// &buf[i] and p += n are arithmetic on the local array's address: the result still points into the dead frame.
// check-exit-value: 1

int *slot_at(int i)
{
    int slots[8] = { 0 }; // ERROR "address of slots escapes its frame \(dangling after return\)$"
    return &slots[i & 7];
}

char *tail_of(int n)
{
    char line[16] = "key=value"; // ERROR "address of line escapes its frame \(dangling after return\)$"
    char *p = line;
    p += n;
    return p;
}
