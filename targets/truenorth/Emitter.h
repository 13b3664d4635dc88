//===- Emitter.h - TN model JSON for TrueNorth ------------------*- C++ -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_EMITTER_H
#define SNNC_TARGETS_TRUENORTH_EMITTER_H

#include "dialects/SNN/SNNOps.h"
#include "targets/Emission.h"
#include "targets/truenorth/IR/TNDialect.h"

namespace snnc::truenorth {

/// Adds `STEM.json`, the TN model JSON of `program` (truenorth-lower's
/// layout of `network`) with snnc's ports and corelet hierarchy
/// (docs/formats/truenorth.md), to `files`. Reads the IR only.
mlir::LogicalResult buildArtifact(snn::NetworkOp network, tn::ProgramOp program,
                                  llvm::StringRef stem, ArtifactFiles &files);

/// The integers of one `neurons` array of a core, written with CPE's range
/// shorthands where they shorten it: runs of one value as "vxn", runs of
/// consecutive values as "a:b".
llvm::json::Array compressIntegers(llvm::ArrayRef<int64_t> values);

} // namespace snnc::truenorth

#endif // SNNC_TARGETS_TRUENORTH_EMITTER_H
