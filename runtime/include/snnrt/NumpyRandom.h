//===- NumpyRandom.h - numpy's default_rng streams ------------------------===//
//
// The random streams of numpy's `np.random.default_rng(seed)` for an
// integer seed: SeedSequence's entropy pool (numpy/random/bit_generator.pyx),
// the PCG64 generator it seeds (XSL-RR output of a 128-bit LCG,
// numpy/random/src/pcg64), `random()` (53-bit doubles) and `integers(0, n)`
// for ranges below 2^32 (Lemire's bounded method on 32-bit halves). Lava's
// fixed-point learning engine draws its stochastic rounding from these
// streams, so the emulator needs them bit for bit; a lit test compares them
// with numpy itself.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_NUMPYRANDOM_H
#define SNNRT_NUMPYRANDOM_H

#include <cstdint>
#include <vector>

namespace snnrt::numpy {

/// SeedSequence(seed).generate_state(words, uint64) for a non-negative
/// integer seed (no spawn key, pool size 4).
inline std::vector<uint64_t> seedSequenceState(uint64_t seed, size_t words) {
  constexpr uint32_t kInitA = 0x43b0d7e5, kMultA = 0x931e8875,
                     kInitB = 0x8b51f9dd, kMultB = 0x58f38ded,
                     kMixMultL = 0xca01f9dd, kMixMultR = 0x4973f715;
  constexpr int kXShift = 16;
  // The seed as little-endian 32-bit words; 0 is one word.
  std::vector<uint32_t> entropy;
  do {
    entropy.push_back(uint32_t(seed));
    seed >>= 32;
  } while (seed);
  uint32_t hashConst = kInitA;
  auto hashmix = [&](uint32_t value) {
    value ^= hashConst;
    hashConst *= kMultA;
    value *= hashConst;
    value ^= value >> kXShift;
    return value;
  };
  auto mix = [](uint32_t x, uint32_t y) {
    uint32_t r = kMixMultL * x - kMixMultR * y;
    return r ^ (r >> kXShift);
  };
  uint32_t pool[4];
  for (size_t i = 0; i < 4; ++i)
    pool[i] = hashmix(i < entropy.size() ? entropy[i] : 0);
  for (size_t src = 0; src < 4; ++src)
    for (size_t dst = 0; dst < 4; ++dst)
      if (src != dst)
        pool[dst] = mix(pool[dst], hashmix(pool[src]));
  for (size_t src = 4; src < entropy.size(); ++src)
    for (size_t dst = 0; dst < 4; ++dst)
      pool[dst] = mix(pool[dst], hashmix(entropy[src]));
  std::vector<uint64_t> state(words);
  uint32_t constB = kInitB;
  for (size_t i = 0; i < 2 * words; ++i) {
    uint32_t v = pool[i % 4];
    v ^= constB;
    constB *= kMultB;
    v *= constB;
    v ^= v >> kXShift;
    state[i / 2] |= uint64_t(v) << (32 * (i % 2));
  }
  return state;
}

/// numpy's PCG64 seeded as `np.random.default_rng(seed)` seeds it.
class PCG64 {
public:
  explicit PCG64(uint64_t seed) {
    std::vector<uint64_t> s = seedSequenceState(seed, 4);
    unsigned __int128 initState = ((unsigned __int128)s[0] << 64) | s[1];
    unsigned __int128 initSeq = ((unsigned __int128)s[2] << 64) | s[3];
    state = 0;
    inc = (initSeq << 1) | 1;
    advance();
    state += initState;
    advance();
  }

  uint64_t next64() {
    advance();
    uint64_t hi = uint64_t(state >> 64), lo = uint64_t(state);
    unsigned rot = unsigned(state >> 122);
    uint64_t x = hi ^ lo;
    return (x >> rot) | (x << ((64 - rot) & 63));
  }

  /// Halves of one 64-bit output, low half first (pcg64_next32).
  uint32_t next32() {
    if (hasHalf) {
      hasHalf = false;
      return half;
    }
    uint64_t x = next64();
    hasHalf = true;
    half = uint32_t(x >> 32);
    return uint32_t(x);
  }

  /// Generator.random(): a double in [0, 1) from the top 53 bits.
  double random() { return double(next64() >> 11) * (1.0 / 9007199254740992.0); }

  /// Generator.integers(0, n) for 1 <= n <= 2^32 (default int64 dtype).
  int64_t integers(uint64_t n) {
    uint64_t rng = n - 1;
    if (rng == 0)
      return 0;
    if (rng == 0xFFFFFFFFull)
      return int64_t(next32());
    // Lemire's method on 32 bits (random_buffered_bounded_lemire_uint32).
    uint64_t excl = rng + 1;
    uint64_t m = uint64_t(next32()) * excl;
    uint32_t leftover = uint32_t(m);
    if (leftover < excl) {
      uint32_t threshold = uint32_t((0xFFFFFFFFull - rng) % excl);
      while (leftover < threshold) {
        m = uint64_t(next32()) * excl;
        leftover = uint32_t(m);
      }
    }
    return int64_t(m >> 32);
  }

private:
  void advance() {
    const unsigned __int128 mult =
        ((unsigned __int128)0x2360ED051FC65DA4ull << 64) |
        0x4385DF649FCCF645ull;
    state = state * mult + inc;
  }

  unsigned __int128 state = 0, inc = 0;
  bool hasHalf = false;
  uint32_t half = 0;
};

} // namespace snnrt::numpy

#endif // SNNRT_NUMPYRANDOM_H
