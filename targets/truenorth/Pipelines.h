//===- Pipelines.h - the TrueNorth target's pipeline ------------*- C++ -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_PIPELINES_H
#define SNNC_TARGETS_TRUENORTH_PIPELINES_H

#include "passes/Pipelines.h"

namespace snnc::truenorth {

/// The passes that take a discretized module compiled for TrueNorth to the
/// end of `stage`: the chip-independent analysis at `quantized`, partition
/// and placement at `mapped` (the middle end's estimate, reported), and
/// truenorth-lower and the check that it destroyed no layer at `target-ir`.
void populateTruenorthPipeline(mlir::OpPassManager &pm, Stage stage,
                               double stepRate = 0.0, bool allowLossy = false);

} // namespace snnc::truenorth

#endif // SNNC_TARGETS_TRUENORTH_PIPELINES_H
