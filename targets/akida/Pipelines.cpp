//===- Pipelines.cpp - the Akida target's pipeline ------------------------===//

#include "targets/akida/Pipelines.h"

#include "targets/akida/Passes.h"

using namespace mlir;

void snnc::akida::populateAkidaPipeline(OpPassManager &pm, Stage stage,
                                        double stepRate, bool allowLossy,
                                        llvm::StringRef mapMode) {
  populateSNNMappingPipeline(pm, stage, stepRate);
  if (stage == Stage::targetIR) {
    pm.addPass(createAkidaLegalize());
    AkidaMapOptions options;
    options.mapMode = mapMode.str();
    pm.addPass(createAkidaMap(options));
    populateSNNQuantizationCheck(pm, allowLossy);
  }
}
