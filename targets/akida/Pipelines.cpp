//===- Pipelines.cpp - the Akida target's pipeline ------------------------===//

#include "targets/akida/Pipelines.h"

#include "targets/akida/Passes.h"

using namespace mlir;

void snnc::akida::populateAkidaPipeline(OpPassManager &pm, Stage stage,
                                        double stepRate, bool allowLossy,
                                        llvm::StringRef mapMode) {
  populateSNNMappingPipeline(pm, stage, stepRate);
  // Akida's mapping is its layers and their NPs: they exist from stage
  // mapped on, so that --chip=akida --report shows them.
  if (stage == Stage::mapped) {
    pm.addPass(createAkidaLegalize());
    AkidaMapOptions options;
    options.mapMode = mapMode.str();
    pm.addPass(createAkidaMap(options));
    populateSNNQuantizationCheck(pm, allowLossy);
  }
}
