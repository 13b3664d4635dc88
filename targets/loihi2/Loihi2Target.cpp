//===- Loihi2Target.cpp - the loihi2 target plugin ------------------------===//
//
// Registers `loihi2`: its chip (Chip.cpp), its dialect of number formats,
// its passes, its pipeline (Pipelines.cpp) and the emitter of Lava-compatible
// JSON (Emitter.cpp) with the resource report beside it.
//
//===----------------------------------------------------------------------===//

#include "targets/Emission.h"
#include "targets/RegisteredTargets.h"
#include "targets/Target.h"
#include "targets/loihi2/Emitter.h"
#include "targets/loihi2/Passes.h"
#include "targets/loihi2/Pipelines.h"

using namespace mlir;
using namespace snnc;

namespace {
class Loihi2Target : public Target {
public:
  llvm::StringRef getName() const override { return "loihi2"; }
  llvm::StringRef getDescription() const override {
    return "Intel Loihi 2: Lava-compatible JSON (+ .npy), runs in snn-run";
  }
  llvm::StringRef getChip() const override { return loihi2::kChipName; }
  void buildPipeline(OpPassManager &pm, Stage stage,
                     const TargetOptions &options) const override {
    loihi2::populateLoihi2Pipeline(pm, stage, options.stepRate,
                                   options.allowLossy);
  }
  LogicalResult emit(ModuleOp module,
                     const TargetOptions &options) const override {
    return emitFolderArtifact(module, options.outputPath, "loihi2",
                              loihi2::buildArtifact);
  }
};
} // namespace

void snnc::registerLoihi2Target() {
  loihi2::registerLoihi2Passes();
  TargetRegistry &registry = TargetRegistry::get();
  registry.addDialects([](DialectRegistry &dialects) {
    dialects.insert<loihi2::Loihi2Dialect>();
  });
  registry.add("loihi2", [] { return std::make_unique<Loihi2Target>(); });
}
