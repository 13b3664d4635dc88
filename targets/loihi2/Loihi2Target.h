//===- Loihi2Target.h - the Loihi 2 backend ---------------------*- C++ -*-===//

#ifndef SNNC_TARGETS_LOIHI2_LOIHI2TARGET_H
#define SNNC_TARGETS_LOIHI2_LOIHI2TARGET_H

namespace snnc {
/// Registers `loihi2`: Lava-compatible JSON (docs/targets/loihi2.md).
void registerLoihi2Target();
} // namespace snnc

#endif // SNNC_TARGETS_LOIHI2_LOIHI2TARGET_H
