//===- Passes.h - the TrueNorth target's passes -----------------*- C++ -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_PASSES_H
#define SNNC_TARGETS_TRUENORTH_PASSES_H

#include "dialects/SNN/SNNOps.h"
#include "targets/truenorth/IR/TNDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace snnc::truenorth {

#define GEN_PASS_DECL
#include "targets/truenorth/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "targets/truenorth/Passes.h.inc"

/// The chip's name, as the chip description and #snn.target spell it.
inline constexpr llvm::StringLiteral kChipName = "truenorth";

} // namespace snnc::truenorth

#endif // SNNC_TARGETS_TRUENORTH_PASSES_H
