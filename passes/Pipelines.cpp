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

void snnc::populateSNNMappingPipeline(OpPassManager &pm, Stage stage,
                                      llvm::StringRef chip, double stepRate) {
  if (stage == Stage::quantized) {
    if (chipHasNumberFormats(chip))
      pm.addNestedPass<snn::NetworkOp>(createSNNFoldPooling());
    pm.addNestedPass<snn::NetworkOp>(createSNNShareKernels());
    SNNResourceAnalysisOptions analysis;
    analysis.target = chip.str();
    analysis.stepRate = stepRate;
    pm.addNestedPass<snn::NetworkOp>(createSNNResourceAnalysis(analysis));
    if (chipHasNumberFormats(chip)) {
      SNNQuantizeOptions quantize;
      quantize.target = chip.str();
      pm.addNestedPass<snn::NetworkOp>(createSNNQuantize(quantize));
    }
  } else if (stage == Stage::mapped) {
    SNNPartitionOptions partition;
    partition.target = chip.str();
    pm.addNestedPass<snn::NetworkOp>(createSNNPartition(partition));
    SNNPlaceOptions place;
    place.target = chip.str();
    pm.addNestedPass<snn::NetworkOp>(createSNNPlace(place));
  }
}
