//===- Pipelines.h - the stages of the snnc pipeline ------------*- C++ -*-===//
//
// The driver only chains these; `snnc --emit=STAGE` stops after any of them.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_PASSES_PIPELINES_H
#define SNNC_PASSES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace snnc {

/// The named stages of compilation, in order.
enum class Stage { snn, discretized, quantized, mapped, targetIR, artifact };

/// `snn`, `discretized`, ..., `artifact`.
llvm::StringRef stringifyStage(Stage stage);
std::optional<Stage> symbolizeStage(llvm::StringRef name);

struct FrontendOptions {
  /// Step in ms; 0 takes the network's own `dt`.
  double dt = 0.0;
  /// `exact` or `euler` for linear neuron models.
  std::string scheme = "exact";
};

/// Stage `snn`: canonicalization of the verified input.
void populateSNNCleanupPipeline(mlir::OpPassManager &pm);

/// Stage `discretized`: per-step coefficients on every population.
void populateSNNDiscretizePipeline(mlir::OpPassManager &pm,
                                   const FrontendOptions &options);

/// The chip-independent middle end against the module's target chip
/// (`snn.target`): at stage `quantized`, identical tensors shared and the
/// resources analysed; at stage `mapped`, partition and placement. A
/// target's pipeline wraps these with its own passes (its number formats
/// after the analysis, its preparation for emission at `target-ir`).
/// `stepRate` is the steps per second the power figure assumes (0: real
/// time).
void populateSNNMappingPipeline(mlir::OpPassManager &pm, Stage stage,
                                double stepRate = 0.0);

/// After a target's quantization: no layer is destroyed silently
/// (snn-check-quantization; with `allowLossy`, warnings).
void populateSNNQuantizationCheck(mlir::OpPassManager &pm, bool allowLossy);

} // namespace snnc

#endif // SNNC_PASSES_PIPELINES_H
