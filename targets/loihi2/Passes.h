//===- Passes.h - the Loihi 2 target's passes -------------------*- C++ -*-===//

#ifndef SNNC_TARGETS_LOIHI2_PASSES_H
#define SNNC_TARGETS_LOIHI2_PASSES_H

#include "dialects/SNN/SNNOps.h"
#include "targets/loihi2/IR/Loihi2Dialect.h"

#include "mlir/Pass/Pass.h"

namespace snnc::loihi2 {

#define GEN_PASS_DECL
#include "targets/loihi2/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "targets/loihi2/Passes.h.inc"

/// The chip's name, as the chip description and #snn.target spell it.
inline constexpr llvm::StringLiteral kChipName = "loihi2";

} // namespace snnc::loihi2

#endif // SNNC_TARGETS_LOIHI2_PASSES_H
