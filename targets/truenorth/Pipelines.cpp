//===- Pipelines.cpp - the TrueNorth target's pipeline --------------------===//

#include "targets/truenorth/Pipelines.h"

#include "targets/truenorth/Passes.h"

using namespace mlir;

void snnc::truenorth::populateTruenorthPipeline(OpPassManager &pm, Stage stage,
                                                double stepRate,
                                                bool allowLossy) {
  populateSNNMappingPipeline(pm, stage, stepRate);
  if (stage == Stage::targetIR) {
    pm.addPass(createTruenorthLower());
    populateSNNQuantizationCheck(pm, allowLossy);
  }
}
