// return &x: the result outlives the frame, so the caller gets a pointer to a dead local (c-peers row 1).
// check-exit-value: 1

int *make_counter(int start)
{
    int count = start; // ERROR "address of count escapes its frame \(dangling after return\)$"
    count++;
    return &count;
}
