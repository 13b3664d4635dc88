//===- Passes.h - the Akida target's passes ---------------------*- C++ -*-===//

#ifndef SNNC_TARGETS_AKIDA_PASSES_H
#define SNNC_TARGETS_AKIDA_PASSES_H

#include "dialects/SNN/SNNOps.h"
#include "targets/akida/IR/AkidaDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace snnc::akida {

#define GEN_PASS_DECL
#include "targets/akida/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "targets/akida/Passes.h.inc"

/// The chip's name, as the chip description and #snn.target spell it.
inline constexpr llvm::StringLiteral kChipName = "akida";

} // namespace snnc::akida

#endif // SNNC_TARGETS_AKIDA_PASSES_H
