//===- CPUTarget.h - the cpu target: images for the float emulator -*- C++ -*-===//

#ifndef SNNC_TARGETS_CPU_CPUTARGET_H
#define SNNC_TARGETS_CPU_CPUTARGET_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace snnc {

/// Serializes the single discretized network of `module` into an snnx image.
/// Reads the IR only; emits a diagnostic and fails on what the emulator
/// cannot run.
mlir::FailureOr<std::vector<uint8_t>> buildCPUImage(mlir::ModuleOp module);

} // namespace snnc

#endif // SNNC_TARGETS_CPU_CPUTARGET_H
