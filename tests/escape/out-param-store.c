// *out = &local writes the address into the caller's memory, which outlives this frame (row 7); out itself is only written through.
// check-exit-value: 1

int parse_digit(const char *s, const int **out) // ERROR "^s does not escape$" "^out does not escape$"
{
    int value = s[0] - '0'; // ERROR "address of value escapes its frame \(dangling after return\)$"
    *out = &value;
    return value >= 0 && value <= 9;
}
