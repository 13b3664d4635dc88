//===- Loihi2.h - Loihi 2 integer formats and arithmetic ------------------===//
//
// The number formats and the integer arithmetic of Lava's bit-accurate
// models of Loihi 2 (lava-nc/lava: PyLifModelBitAcc in
// lava/proc/lif/models.py, PyDenseModelBitAcc and PySparseModelBitAcc in
// lava/proc/dense and lava/proc/sparse). The compiler quantizes into these
// formats and the emulator computes with them; both include this header so
// that there is one definition of every limit and rounding rule.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_LOIHI2_H
#define SNNRT_LOIHI2_H

#include <cstdint>
#include <string>

namespace snnrt::loihi2 {

/// Decays are in units of 1/4096 (shift 12).
constexpr int kDecayShift = 12;
constexpr int64_t kDecayUnit = int64_t(1) << kDecayShift;
constexpr int64_t kMaxDecay = kDecayUnit - 1; ///< du, dv: 12-bit unsigned
/// Thresholds and synaptic activations enter the state shifted left by 6.
constexpr int kThresholdShift = 6;
constexpr int kActivationShift = 6;
/// u and v are 24-bit: v saturates at +-(2^23 - 1), u wraps once.
constexpr int kStateBits = 24; ///< u and v: 24-bit signed
constexpr int64_t kStateBound = int64_t(1) << (kStateBits - 1);
constexpr int64_t kMaxVth = (int64_t(1) << 17) - 1; ///< 17-bit unsigned
constexpr int64_t kMinBiasMant = -(int64_t(1) << 12); ///< 13-bit signed
constexpr int64_t kMaxBiasMant = (int64_t(1) << 12) - 1;
constexpr int kMinBiasExp = 0; ///< 3-bit exponent
constexpr int kMaxBiasExp = 7;
/// Weight exponent range (4-bit signed on the chip, as Loihi 1's
/// weightExponent; Lava itself does not bound it).
constexpr int kMinWeightExp = -8;
constexpr int kMaxWeightExp = 7;
constexpr int kMaxWeightBits = 8; ///< magnitude bits; MIXED adds the sign
constexpr int kMaxDelay = 62;     ///< per-synapse delay, 6 bits
constexpr int kMaxMessageBits = 24;

/// Lava's SignMode (lava/utils/weightutils.py), with its numbering.
enum class SignMode { Null = 0, Mixed = 1, Excitatory = 2, Inhibitory = 3 };

inline const char *signModeName(SignMode mode) {
  switch (mode) {
  case SignMode::Mixed:
    return "MIXED";
  case SignMode::Excitatory:
    return "EXCITATORY";
  case SignMode::Inhibitory:
    return "INHIBITORY";
  case SignMode::Null:
    break;
  }
  return "NULL";
}

/// Parses Lava's name of a sign mode; false if `name` is none of them.
inline bool parseSignMode(const std::string &name, SignMode &mode) {
  for (SignMode m :
       {SignMode::Mixed, SignMode::Excitatory, SignMode::Inhibitory})
    if (name == signModeName(m)) {
      mode = m;
      return true;
    }
  return false;
}

/// The mode Lava infers from the weights' range (integer mantissas, or
/// the float weights they come from).
inline SignMode inferSignMode(double minWeight, double maxWeight) {
  if (minWeight >= 0)
    return SignMode::Excitatory;
  if (maxWeight <= 0)
    return SignMode::Inhibitory;
  return SignMode::Mixed;
}

/// Lava's truncate_weights: drops the bits below `numWeightBits` (and one
/// more under MIXED, for the sign).
inline int64_t truncateWeight(int64_t w, int numWeightBits, SignMode mode) {
  bool inhibitory = mode == SignMode::Inhibitory;
  if (inhibitory)
    w = -w;
  int shift = 8 - numWeightBits + (mode == SignMode::Mixed ? 1 : 0);
  // Arithmetic shifts: round toward minus infinity, as numpy's >> does.
  w = (w >> shift) * (int64_t(1) << shift);
  return inhibitory ? -w : w;
}

/// The range of an 8-bit weight mantissa and its sign (Lava's
/// clip_weights): [-256, 255] MIXED, [0, 255] EXCITATORY, [-255, 0]
/// INHIBITORY.
struct WeightLimits {
  int64_t lo, hi;
};
inline WeightLimits weightLimits(SignMode mode) {
  return {mode == SignMode::Mixed        ? -256
          : mode == SignMode::Inhibitory ? -255
                                         : 0,
          mode == SignMode::Inhibitory ? 0 : 255};
}

/// Lava's weight preparation (clip_weights to 8 bits, then truncate).
inline int64_t prepareWeight(int64_t w, int numWeightBits, SignMode mode) {
  WeightLimits l = weightLimits(mode);
  return truncateWeight(w < l.lo ? l.lo : (w > l.hi ? l.hi : w),
                        numWeightBits, mode);
}

/// The prepared 8-bit mantissa nearest to `q` (a weight in mantissa
/// units): even under MIXED, where Lava's truncation keeps 7 bits and the
/// sign, and within [-256, 254] / [0, 255] / [-255, 0].
inline int64_t nearestMantissa(double q, SignMode mode) {
  double step = mode == SignMode::Mixed ? 2.0 : 1.0;
  double m = step * __builtin_nearbyint(q / step);
  double lo = mode == SignMode::Mixed        ? -256.0
              : mode == SignMode::Inhibitory ? -255.0
                                             : 0.0;
  double hi = mode == SignMode::Mixed        ? 254.0
              : mode == SignMode::Inhibitory ? 0.0
                                             : 255.0;
  return int64_t(m < lo ? lo : (m > hi ? hi : m));
}

/// x * 2^e for e >= 0, x >> -e (toward minus infinity) otherwise.
inline int64_t shiftExp(int64_t x, int e) {
  return e >= 0 ? x * (int64_t(1) << e) : (x >> -e);
}

/// (x * (4096 - decay)) >> 12 with rounding toward zero, as Lava computes
/// the decay of u (decay = du + 1) and v (decay = dv).
inline int64_t decay(int64_t x, int64_t decay) {
  int64_t p = x * (kDecayUnit - decay);
  return p >= 0 ? (p >> kDecayShift) : -((-p) >> kDecayShift);
}

} // namespace snnrt::loihi2

#endif // SNNRT_LOIHI2_H
