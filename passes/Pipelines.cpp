//===- Pipelines.cpp - the stages of the snnc pipeline --------------------===//

#include "passes/Pipelines.h"
#include "passes/Passes.h"

#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace {
struct StageName {
  snnc::Stage stage;
  const char *name;
};
constexpr StageName kStages[] = {
    {snnc::Stage::snn, "snn"},
    {snnc::Stage::discretized, "discretized"},
    {snnc::Stage::quantized, "quantized"},
    {snnc::Stage::mapped, "mapped"},
    {snnc::Stage::targetIR, "target-ir"},
    {snnc::Stage::artifact, "artifact"},
};
} // namespace

llvm::StringRef snnc::stringifyStage(Stage stage) {
  for (const StageName &entry : kStages)
    if (entry.stage == stage)
      return entry.name;
  return "";
}

std::optional<snnc::Stage> snnc::symbolizeStage(llvm::StringRef name) {
  for (const StageName &entry : kStages)
    if (name == entry.name)
      return entry.stage;
  return std::nullopt;
}

void snnc::populateSNNCleanupPipeline(OpPassManager &pm) {
  pm.addPass(createCanonicalizerPass());
}

void snnc::populateSNNDiscretizePipeline(OpPassManager &pm,
                                         const FrontendOptions &options) {
  SNNDiscretizeOptions discretize;
  discretize.dt = options.dt;
  discretize.scheme = options.scheme;
  pm.addNestedPass<snn::NetworkOp>(createSNNDiscretize(discretize));
}

void snnc::populateSNNQuantizationCheck(OpPassManager &pm, bool allowLossy) {
  SNNCheckQuantizationOptions check;
  check.allowLossy = allowLossy;
  pm.addNestedPass<snn::NetworkOp>(createSNNCheckQuantization(check));
}

void snnc::populateSNNMappingPipeline(OpPassManager &pm, Stage stage,
                                      double stepRate) {
  if (stage == Stage::quantized) {
    pm.addNestedPass<snn::NetworkOp>(createSNNShareKernels());
    SNNResourceAnalysisOptions analysis;
    analysis.stepRate = stepRate;
    pm.addNestedPass<snn::NetworkOp>(createSNNResourceAnalysis(analysis));
  } else if (stage == Stage::mapped) {
    pm.addNestedPass<snn::NetworkOp>(createSNNPartition());
    pm.addNestedPass<snn::NetworkOp>(createSNNPlace());
  }
}
