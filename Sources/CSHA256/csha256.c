// SHA-256's compression function (FIPS 180-4, 6.2.2) on the x86-64 SHA extensions.
//
// sha256rnds2 does two rounds on the state held as two vectors, ABEF and CDGH (high lane
// first); sha256msg1 and sha256msg2 compute the message schedule four words at a time. The
// 64 rounds are 16 groups of four; group g uses the words W[4g...4g+3], kept in one of four
// vectors in turn, and prepares the words of the groups after it.
#include "CSHA256.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))

#include <cpuid.h>
#include <immintrin.h>

int csha256_available(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  const int sha = (ebx >> 29) & 1;
  return ssse3 && sse41 && sha;
}

/// K[0...63], four to a vector when loaded from K + 4g.
static const uint32_t K[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define TARGET __attribute__((target("sha,ssse3,sse4.1")))

/// Rounds 4g...4g+3 with the words in `cur`; then, where later groups need them, the words of
/// group g+1 are finished in `next` (W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]: msg1
/// added σ0 two groups ago, the W[t-7] words are `cur` and `prev` shifted by one word, msg2
/// adds σ1) and σ0 of group g+3 is started in `prev`.
#define GROUP(g, cur, prev, next, finish_next, start_prev)                                  \
  do {                                                                                    \
    __m128i kw = _mm_add_epi32(cur, _mm_load_si128((const __m128i *)(K + 4 * (g))));      \
    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, kw);                                        \
    if (finish_next) {                                                                   \
      next = _mm_add_epi32(next, _mm_alignr_epi8(cur, prev, 4));                         \
      next = _mm_sha256msg2_epu32(next, cur);                                            \
    }                                                                                    \
    abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(kw, 0x0e));               \
    if (start_prev) prev = _mm_sha256msg1_epu32(prev, cur);                              \
  } while (0)

TARGET void csha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count) {
  // Big-endian words: each word's four bytes reversed.
  const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  // state[0...3] is A B C D (A in the low lane), state[4...7] E F G H.
  __m128i dcba = _mm_loadu_si128((const __m128i *)state);
  __m128i hgfe = _mm_loadu_si128((const __m128i *)(state + 4));
  __m128i cdab = _mm_shuffle_epi32(dcba, 0xb1);
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1b);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xf0);
  for (; count > 0; count--, blocks += 64) {
    const __m128i abef_in = abef, cdgh_in = cdgh;
    __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)blocks), swap);
    __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16)), swap);
    __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 32)), swap);
    __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 48)), swap);
    GROUP(0, m0, m3, m1, 0, 0);
    GROUP(1, m1, m0, m2, 0, 1);
    GROUP(2, m2, m1, m3, 0, 1);
    GROUP(3, m3, m2, m0, 1, 1);
    GROUP(4, m0, m3, m1, 1, 1);
    GROUP(5, m1, m0, m2, 1, 1);
    GROUP(6, m2, m1, m3, 1, 1);
    GROUP(7, m3, m2, m0, 1, 1);
    GROUP(8, m0, m3, m1, 1, 1);
    GROUP(9, m1, m0, m2, 1, 1);
    GROUP(10, m2, m1, m3, 1, 1);
    GROUP(11, m3, m2, m0, 1, 1);
    GROUP(12, m0, m3, m1, 1, 1);
    GROUP(13, m1, m0, m2, 1, 0);
    GROUP(14, m2, m1, m3, 1, 0);
    GROUP(15, m3, m2, m0, 0, 0);
    abef = _mm_add_epi32(abef, abef_in);
    cdgh = _mm_add_epi32(cdgh, cdgh_in);
  }
  __m128i feba = _mm_shuffle_epi32(abef, 0x1b);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);
  _mm_storeu_si128((__m128i *)state, _mm_blend_epi16(feba, dchg, 0xf0));
  _mm_storeu_si128((__m128i *)(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}

#else

int csha256_available(void) { return 0; }

void csha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count) {
  (void)state;
  (void)blocks;
  (void)count;
}

#endif
