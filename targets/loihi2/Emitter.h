//===- Emitter.h - Lava-compatible JSON for Loihi 2 -------------*- C++ -*-===//

#ifndef SNNC_TARGETS_LOIHI2_EMITTER_H
#define SNNC_TARGETS_LOIHI2_EMITTER_H

#include "dialects/SNN/SNNOps.h"
#include "targets/Emission.h"

namespace snnc::loihi2 {

/// Adds the artifact of a prepared network (after
/// loihi2-prepare-for-emission) to `files`: `STEM.json` first, then the
/// arrays too long to inline as `STEM.PROCESS.PARAM.npy`. Reads the IR
/// only; a diagnostic names what Lava's processes cannot express.
mlir::LogicalResult buildArtifact(snn::NetworkOp network, llvm::StringRef stem,
                                  ArtifactFiles &files);

} // namespace snnc::loihi2

#endif // SNNC_TARGETS_LOIHI2_EMITTER_H
