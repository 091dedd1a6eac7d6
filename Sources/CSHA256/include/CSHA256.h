#ifndef TRIAGE_CSHA256_H
#define TRIAGE_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA extensions (x86-64 SHA-NI, with SSSE3 and SSE4.1), so
/// that `triage_sha256_compress_hardware` may be called; 0 otherwise (and on other processors).
int triage_sha256_hardware_available(void);

/// Compresses `count` 64-byte blocks at `blocks` into the chaining words `state` (h0 to h7,
/// FIPS 180-4 6.2.2) with the SHA extensions. Call it only when
/// `triage_sha256_hardware_available()` is 1.
void triage_sha256_compress_hardware(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
