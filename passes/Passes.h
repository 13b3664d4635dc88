//===- Passes.h - passes over the snn dialect -------------------*- C++ -*-===//

#ifndef SNNC_PASSES_PASSES_H
#define SNNC_PASSES_PASSES_H

#include "dialects/SNN/SNNOps.h"
#include "mlir/Pass/Pass.h"

namespace snnc {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

} // namespace snnc

#endif // SNNC_PASSES_PASSES_H
