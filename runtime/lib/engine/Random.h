//===- Random.h - counter-based random numbers for the emulator -*- C++ -*-===//
//
// Every random value is a pure function of (seed, stream, index): procedural
// synapses and initial states do not depend on evaluation order, and the same
// image gives the same numbers on every run and machine.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_RANDOM_H
#define SNNRT_RANDOM_H

#include "engine/Math.h"

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

/// Standard normal by Marsaglia's polar method: only log and sqrt, so the
/// value is the same on every machine (sqrt is correctly rounded).
inline double standardNormal(uint64_t seed, uint64_t a, uint64_t b) {
  uint64_t base = hash3(seed, a, b);
  for (uint64_t attempt = 0;; ++attempt) {
    double x = 2.0 * uniform01(mix64(base + 2 * attempt)) - 1.0;
    double y = 2.0 * uniform01(mix64(base + 2 * attempt + 1)) - 1.0;
    double s = x * x + y * y;
    if (s > 0.0 && s < 1.0)
      return x * std::sqrt(-2.0 * logDet(s) / s);
  }
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
    return expDet(p0 + p1 * standardNormal(seed, a, b));
  }
  return p0;
}

} // namespace snnrt

#endif // SNNRT_RANDOM_H
