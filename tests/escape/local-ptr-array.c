// Addresses kept in a local array of pointers: the element returned may be either one (arrays are element-insensitive), and both really can be returned.
// check-exit-value: 1

const char *pick_label(int which)
{
    char on[] = "on"; // ERROR "address of on escapes its frame \(dangling after return\)$"
    char off[] = "off"; // ERROR "address of off escapes its frame \(dangling after return\)$"
    const char *labels[2] = { off, on };
    return labels[which != 0];
}
