//===- Random.h - counter-based random numbers for the emulator -*- C++ -*-===//
//
// Every random value is a pure function of (seed, stream, index): procedural
// synapses and initial states do not depend on evaluation order, and the same
// image gives the same numbers on every run and machine.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_RANDOM_H
#define SNNRT_RANDOM_H

#include <cmath>
#include <cstdint>

namespace snnrt {

inline uint64_t mix64(uint64_t x) {
  // splitmix64's finalizer.
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

inline uint64_t hash3(uint64_t seed, uint64_t a, uint64_t b) {
  return mix64(mix64(mix64(seed) ^ a) ^ b);
}

/// Uniform in [0, 1) with 53 random bits.
inline double uniform01(uint64_t bits) {
  return double(bits >> 11) * (1.0 / 9007199254740992.0);
}

/// Standard normal from two independent draws (Box-Muller).
inline double standardNormal(uint64_t seed, uint64_t a, uint64_t b) {
  double u1 = uniform01(hash3(seed, a, 2 * b));
  double u2 = uniform01(hash3(seed, a, 2 * b + 1));
  if (u1 < 1e-300)
    u1 = 1e-300;
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

/// Distribution kinds, as numbered in the image (snn::DistributionKind).
enum class Dist { constant = 0, uniform = 1, normal = 2, lognormal = 3 };

inline double sample(Dist kind, double p0, double p1, uint64_t seed,
                     uint64_t a, uint64_t b) {
  switch (kind) {
  case Dist::constant:
    return p0;
  case Dist::uniform:
    return p0 + (p1 - p0) * uniform01(hash3(seed, a, b));
  case Dist::normal:
    return p0 + p1 * standardNormal(seed, a, b);
  case Dist::lognormal:
    return std::exp(p0 + p1 * standardNormal(seed, a, b));
  }
  return p0;
}

} // namespace snnrt

#endif // SNNRT_RANDOM_H
