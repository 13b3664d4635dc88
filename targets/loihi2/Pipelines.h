//===- Pipelines.h - the Loihi 2 target's pipeline --------------*- C++ -*-===//

#ifndef SNNC_TARGETS_LOIHI2_PIPELINES_H
#define SNNC_TARGETS_LOIHI2_PIPELINES_H

#include "passes/Pipelines.h"

namespace snnc::loihi2 {

/// The passes that take a discretized module compiled for Loihi 2 to the end
/// of `stage`: at `quantized`, poolings folded into the linear maps that read
/// them (Loihi 2 passes only spikes between processes), the chip-independent
/// analysis, loihi2-quantize and the check that it destroyed no layer; at `mapped`, partition and placement; at
/// `target-ir`, loihi2-prepare-for-emission.
void populateLoihi2Pipeline(mlir::OpPassManager &pm, Stage stage,
                            double stepRate = 0.0, bool allowLossy = false);

} // namespace snnc::loihi2

#endif // SNNC_TARGETS_LOIHI2_PIPELINES_H
