//===- AkidaTarget.cpp - the akida target plugin --------------------------===//
//
// Registers `akida`: its chip (Chip.cpp), the akida dialect, its passes, its
// pipeline (Pipelines.cpp) and the emitter of layer descriptors
// (Emitter.cpp) with the resource report beside them.
//
//===----------------------------------------------------------------------===//

#include "targets/Emission.h"
#include "targets/RegisteredTargets.h"
#include "targets/Target.h"
#include "targets/akida/Emitter.h"
#include "targets/akida/Passes.h"
#include "targets/akida/Pipelines.h"

using namespace mlir;
using namespace snnc;

namespace {
constexpr llvm::StringRef kMapModes[] = {"all-nps", "minimal"};
const TargetOptionSpec kOptions[] = {
    {"map-mode",
     "MetaTF's map mode: as many NPs as speed the model up (all-nps, "
     "MetaTF's default) or as few as fit (minimal)",
     kMapModes, "all-nps"},
};

class AkidaTarget : public Target {
public:
  llvm::StringRef getName() const override { return "akida"; }
  llvm::StringRef getDescription() const override {
    return "BrainChip Akida 1.0 (AKD1000): MetaTF layer descriptors, runs in "
           "snn-run";
  }
  llvm::StringRef getChip() const override { return akida::kChipName; }
  llvm::ArrayRef<TargetOptionSpec> getOptionSpecs() const override {
    return kOptions;
  }
  void buildPipeline(OpPassManager &pm, Stage stage,
                     const TargetOptions &options) const override {
    akida::populateAkidaPipeline(pm, stage, options.stepRate,
                                 options.allowLossy,
                                 options.option("map-mode", "all-nps"));
  }
  LogicalResult emit(ModuleOp module,
                     const TargetOptions &options) const override {
    akida::ModelOp model;
    for (akida::ModelOp m : module.getOps<akida::ModelOp>())
      model = m;
    if (!model)
      return module.emitError()
             << "has no akida.model; run akida-legalize first";
    return emitFolderArtifact(
        module, options.outputPath, "akida",
        [&](snn::NetworkOp network, StringRef stem, ArtifactFiles &files) {
          return akida::buildArtifact(network, model, stem, files);
        });
  }
};
} // namespace

void snnc::registerAkidaTarget() {
  akida::registerAkidaPasses();
  TargetRegistry &registry = TargetRegistry::get();
  registry.addDialects([](DialectRegistry &dialects) {
    dialects.insert<akida::AkidaDialect>();
  });
  registry.add("akida", [] { return std::make_unique<AkidaTarget>(); });
}
