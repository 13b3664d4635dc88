//===- Emitter.h - Akida layer descriptors ----------------------*- C++ -*-===//

#ifndef SNNC_TARGETS_AKIDA_EMITTER_H
#define SNNC_TARGETS_AKIDA_EMITTER_H

#include "dialects/SNN/SNNOps.h"
#include "targets/Emission.h"
#include "targets/akida/IR/AkidaDialect.h"

namespace snnc::akida {

/// Adds `STEM.json`, the layer descriptors of `model` (akida-legalize's
/// layers for `network`, mapped by akida-map), and one `.npy` per variable
/// of every layer (docs/formats/akida.md) to `files`. Reads the IR only.
mlir::LogicalResult buildArtifact(snn::NetworkOp network, ModelOp model,
                                  llvm::StringRef stem, ArtifactFiles &files);

} // namespace snnc::akida

#endif // SNNC_TARGETS_AKIDA_EMITTER_H
