//===- Pipelines.h - the Akida target's pipeline ----------------*- C++ -*-===//

#ifndef SNNC_TARGETS_AKIDA_PIPELINES_H
#define SNNC_TARGETS_AKIDA_PIPELINES_H

#include "passes/Pipelines.h"

#include "mlir/Pass/PassManager.h"

namespace snnc::akida {
/// The chip-independent middle end up to `stage`, then (at mapped)
/// akida-legalize, akida-map in `mapMode` and the quantization check.
void populateAkidaPipeline(mlir::OpPassManager &pm, Stage stage,
                           double stepRate, bool allowLossy,
                           llvm::StringRef mapMode);
} // namespace snnc::akida

#endif // SNNC_TARGETS_AKIDA_PIPELINES_H
