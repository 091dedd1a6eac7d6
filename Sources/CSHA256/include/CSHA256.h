// The CPU's SHA-256 instructions, for IncidentLog's SHA256 (Swift cannot reach them itself).
//
// Only the compression function lives here: padding, streaming and the portable rounds are
// Swift (Sources/IncidentLog/Hashing). On a machine without the instructions, or a compiler
// for another architecture, `csha256_available` returns 0 and Swift's rounds are used.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the x86-64 SHA extensions (with SSSE3 and SSE4.1), else 0.
int csha256_available(void);

/// Compresses `count` 64-byte blocks at `blocks` into `state` (H0...H7 of FIPS 180-4, in that
/// order) with the SHA instructions. Call it only when `csha256_available()` returned 1.
void csha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
