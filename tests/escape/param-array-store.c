// slots[i] = &local through an array parameter writes the caller's array, which outlives the frame (row 9).
// check-exit-value: 1

void fill_slots(int *slots[], int n) // ERROR "^slots does not escape$"
{
    int zero = 0; // ERROR "address of zero escapes its frame \(dangling after return\)$"
    for (int i = 0; i < n; i++)
        slots[i] = &zero;
}
