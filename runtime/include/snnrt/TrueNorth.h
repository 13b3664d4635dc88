//===- TrueNorth.h - TrueNorth core limits and integer arithmetic ---------===//
//
// The widths and limits of a TrueNorth core (256 axons x 256 neurons, a
// binary crossbar, four axon types) and the neuron arithmetic of Cassidy et
// al. 2013 as CPE model files and NeMo name its registers. The public
// record gives no width for several registers: the membrane potential is
// taken as a signed 20-bit saturating value, weights, leak and thresholds
// as signed 9-bit (a sign and an 8-bit magnitude, the thresholds being
// magnitudes). The compiler's chip description and the emulator both
// include this header, the one place these figures are stated
// (docs/formats/truenorth.md).
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_TRUENORTH_H
#define SNNRT_TRUENORTH_H

#include <cstdint>

namespace snnrt::truenorth {

/// A core: 256 axons (crossbar rows) by 256 neurons (columns).
constexpr int kAxonsPerCore = 256;
constexpr int kNeuronsPerCore = 256;
/// Axon types S0..S3: a neuron holds one weight per type.
constexpr int kAxonTypes = 4;
/// A chip: 4096 cores in a 64 x 64 mesh (Merolla et al. 2014).
constexpr int kCoresPerChip = 4096;
constexpr int kMeshSide = 64;
constexpr double kTickMs = 1.0;

/// Membrane potential: signed 20-bit, saturating.
constexpr int kMembraneBits = 20;
constexpr int64_t kMinMembrane = -(int64_t(1) << (kMembraneBits - 1));
constexpr int64_t kMaxMembrane = (int64_t(1) << (kMembraneBits - 1)) - 1;

/// Weights s0..s3, the leak lambda and the thresholds alpha, beta: signed
/// 9-bit values held as a sign (sigma = -1 or 1) and an 8-bit magnitude.
constexpr int kParameterBits = 9;
constexpr int64_t kMaxMagnitude = (int64_t(1) << (kParameterBits - 1)) - 1;
constexpr int64_t kMinWeight = -kMaxMagnitude, kMaxWeight = kMaxMagnitude;
constexpr int64_t kMinLeak = -kMaxMagnitude, kMaxLeak = kMaxMagnitude;
constexpr int64_t kMaxThreshold = kMaxMagnitude;         ///< alpha
constexpr int64_t kMaxNegativeThreshold = kMaxMagnitude; ///< beta

/// The pseudo-random number of a stochastic mode: 8 bits, 0..255; the
/// threshold mask takes TM of its bits.
constexpr int kPrnBits = 8;
constexpr int kMaxThresholdMaskBits = kPrnBits;
/// Reset value R = sigma_VR (2^VR - 1) stays within the membrane.
constexpr int kMaxResetExponent = kMembraneBits - 1;

/// A neuron's one destination: (core, axon) after 1..15 ticks.
constexpr int kMinDelay = 1;
constexpr int kMaxDelay = 15;

/// Reset modes (gamma) and negative-threshold modes (kappa).
enum ResetMode : int { kResetNormal = 0, kResetLinear = 1, kResetNone = 2 };

/// The artifact's format name and the version this runtime reads.
inline constexpr const char *kArtifactFormat = "snnc-truenorth";
inline constexpr int kArtifactVersion = 1;

/// Clamps to the 20-bit membrane.
inline int64_t saturate(int64_t v) {
  return v < kMinMembrane ? kMinMembrane
                          : (v > kMaxMembrane ? kMaxMembrane : v);
}

/// R = sigma_VR * (2^VR - 1), VR in 0..kMaxResetExponent.
inline int64_t resetValue(int64_t sigmaVR, int64_t vr) {
  return sigmaVR * ((int64_t(1) << vr) - 1);
}

/// sgn(x): -1, 0 or 1.
inline int64_t sign(int64_t x) { return (x > 0) - (x < 0); }

/// A core's PRNG: Marsaglia's 32-bit xorshift (13, 17, 5), started at the
/// core's rngSeed (0, which would stay 0, starts at 0x9E3779B9). Each draw
/// advances once and yields the low 8 bits.
class Prng {
public:
  explicit Prng(uint32_t seed = 0) : state(seed ? seed : 0x9E3779B9u) {}
  uint32_t next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  }
  /// One draw: rho in 0..255.
  int64_t draw() { return int64_t(next() & ((1u << kPrnBits) - 1)); }

private:
  uint32_t state;
};

} // namespace snnrt::truenorth

#endif // SNNRT_TRUENORTH_H
