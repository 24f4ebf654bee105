// `goto fail` frees the partial results; on success both copies are handed to the caller through out parameters (escape): no path leaks.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

int split_pair(const char *spec, char **key_out, char **val_out) // ERROR "^spec does not escape$" "^key_out does not escape$" "^val_out does not escape$"
{
    char *key = NULL, *val = NULL;
    const char *eq = strchr(spec, '=');
    if (!eq)
        goto fail;
    key = strndup(spec, (size_t)(eq - spec)); // ERROR "strndup\(spec, \(size_t\)\(eq - spec\)\) escapes$"
    if (!key)
        goto fail;
    val = strdup(eq + 1); // ERROR "strdup\(eq \+ 1\) escapes$"
    if (!val)
        goto fail;
    *key_out = key;
    *val_out = val;
    return 0;
fail:
    free(key);
    free(val);
    return -1;
}
