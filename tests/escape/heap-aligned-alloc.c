// aligned_alloc is an allocation site like malloc: a large aligned block freed here does not escape (no suggestion above 128 bytes), a small one gets the automatic-array suggestion with the receiver's type.
// check-exit-value: 0
#include <stdlib.h>
#include <string.h>

float sum_aligned(const float *src, size_t n) // ERROR "^src does not escape$"
{
    if (n > 4096)
        n = 4096;
    float *v = aligned_alloc(64, 4096 * sizeof(float)); // ERROR "aligned_alloc\(64, 4096 \* sizeof\(float\)\) does not escape$"
    if (!v)
        return 0;
    memcpy(v, src, n * sizeof *v);
    float s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    free(v);
    return s;
}

float sum4x4(const float *src) // ERROR "^src does not escape$"
{
    float *m = aligned_alloc(16, 64); // ERROR "aligned_alloc\(16, 64\) does not escape \(constant size: could be an automatic array float m\[16\]\)$"
    if (!m)
        return 0;
    memcpy(m, src, 64);
    float s = 0;
    for (int i = 0; i < 16; i++)
        s += m[i];
    free(m);
    return s;
}
