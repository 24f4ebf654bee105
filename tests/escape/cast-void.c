// Casts change the type, not the address: (void *)area and (unsigned char *)&v still point into the frame.
// check-exit-value: 1

void *scratch_area(void)
{
    char area[256]; // ERROR "address of area escapes its frame \(dangling after return\)$"
    area[0] = 0;
    return (void *)area;
}

unsigned char *bytes_of(int x)
{
    int v = x; // ERROR "address of v escapes its frame \(dangling after return\)$"
    return (unsigned char *)&v;
}
