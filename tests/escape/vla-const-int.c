// In C a const-qualified int is not an integer constant expression, so unsigned char block[n] with const int n is a VLA.
// check-exit-value: 0
#include <string.h>

unsigned checksum4(const unsigned char *p) // ERROR "^p does not escape$"
{
    const int n = 4;
    unsigned char block[n]; // ERROR "variable-length array block \(non-constant size\)$"
    unsigned sum = 0;
    memcpy(block, p, sizeof block);
    for (int i = 0; i < n; i++)
        sum = sum * 31 + block[i];
    return sum;
}
