// char name[] = "..." copies the literal into a local array: returning that array dangles, unlike returning the literal itself.
// check-exit-value: 1

char *default_user(void)
{
    char name[] = "nobody"; // ERROR "address of name escapes its frame \(dangling after return\)$"
    return name;
}
