//===- Pipelines.cpp - the Loihi 2 target's pipeline ----------------------===//

#include "targets/loihi2/Pipelines.h"

#include "passes/Passes.h"
#include "targets/loihi2/Passes.h"

using namespace mlir;

void snnc::loihi2::populateLoihi2Pipeline(OpPassManager &pm, Stage stage,
                                          double stepRate, bool allowLossy) {
  if (stage == Stage::quantized)
    pm.addNestedPass<snn::NetworkOp>(createSNNFoldPooling());
  populateSNNMappingPipeline(pm, stage, stepRate);
  if (stage == Stage::quantized) {
    pm.addNestedPass<snn::NetworkOp>(createLoihi2Quantize());
    populateSNNQuantizationCheck(pm, allowLossy);
  }
  if (stage == Stage::targetIR)
    pm.addNestedPass<snn::NetworkOp>(createLoihi2PrepareForEmission());
}
