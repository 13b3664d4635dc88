//===- Akida.h - Akida 1.0's vocabulary and integer rules -------*- C++ -*-===//
//
// What the compiler's Akida target and the runtime's Akida emulator both
// need, defined once: MetaTF's layer types, paddings and pool types with
// their names, TensorFlow's window rules, the weights' integer ranges, the
// register widths and the activation in MetaTF's 32-bit arithmetic
// (docs/formats/akida.md). Plain C++; the compiler includes it as it
// includes snnrt/TrueNorth.h.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_AKIDA_H
#define SNNRT_AKIDA_H

#include <array>
#include <cstdint>
#include <string>

namespace snnrt::akida {

/// Potentials of a FullyConnected layer, and after a max pooling window
/// larger than 1x1 or a global average, saturate to signed 20 bits.
inline constexpr int kPotentialBits = 20;
/// act_step is read in sixteenths: S = floor(16 act_step).
inline constexpr int kActStepFractionBits = 4;
/// MetaTF shifts S left by 4 in 32 bits: S < 2^28, act_step < 2^24 (a
/// larger one makes the divisor 0 and the software backend crash).
inline constexpr int64_t kMaxActStepSixteenths = (int64_t(1) << 28) - 1;

enum class LayerType : int64_t {
  InputConvolutional = 0,
  Convolutional = 1,
  SeparableConvolutional = 2,
  FullyConnected = 3,
};
enum class Padding : int64_t { Same = 0, Valid = 1 };
enum class PoolType : int64_t { None = 0, Max = 1, Average = 2 };

/// MetaTF's names: the class, `Padding.Same`, `PoolType.NoPooling`, ...
const char *layerTypeName(LayerType type);
const char *paddingName(Padding padding);
const char *poolTypeName(PoolType pool);
bool parseLayerType(const std::string &name, LayerType &type);
bool parsePadding(const std::string &name, Padding &padding);
bool parsePoolType(const std::string &name, PoolType &pool);

/// Outputs of a window along one axis: ceil(n / s) under Same, (n - k) / s
/// + 1 under Valid (0 when the window does not fit).
int64_t windowOutput(int64_t n, int64_t kernel, int64_t stride,
                     Padding padding);
/// Padding before the first window: under Same, half the total rounded
/// down (TensorFlow's rule: the odd unit goes after); 0 under Valid.
int64_t paddingBefore(int64_t n, int64_t kernel, int64_t stride,
                      Padding padding);

/// The weights' range at `bits`: [0, 1] at one bit, else
/// [-(2^(bits-1) - 1), 2^(bits-1) - 1].
std::array<int64_t, 2> weightRange(int64_t bits);

/// The activation of one potential at `bits` (1..4) with threshold `th`
/// and S = `step16`, in MetaTF's 32-bit arithmetic: d = int32(p - th);
/// 0 when d <= 0, else, with n = uint32(d << (4 + bits)) and
/// m = uint32(S << 4), min(uint32(n - 1) / m + 1, 2^bits - 1). Without
/// wrap-around that is min(ceil(d 2^bits / S), 2^bits - 1).
int64_t activate(int64_t potential, int64_t threshold, int64_t step16,
                 int64_t bits);

} // namespace snnrt::akida

#endif // SNNRT_AKIDA_H
