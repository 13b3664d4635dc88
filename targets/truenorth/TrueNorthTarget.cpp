//===- TrueNorthTarget.cpp - the truenorth target plugin ------------------===//
//
// Registers `truenorth`: its chip (Chip.cpp), the tn dialect, its pass, its
// pipeline (Pipelines.cpp) and the emitter of TN model JSON (Emitter.cpp)
// with the resource report beside it.
//
//===----------------------------------------------------------------------===//

#include "targets/Emission.h"
#include "targets/RegisteredTargets.h"
#include "targets/Target.h"
#include "targets/truenorth/Emitter.h"
#include "targets/truenorth/Passes.h"
#include "targets/truenorth/Pipelines.h"

using namespace mlir;
using namespace snnc;

namespace {
class TrueNorthTarget : public Target {
public:
  llvm::StringRef getName() const override { return "truenorth"; }
  llvm::StringRef getDescription() const override {
    return "IBM TrueNorth: TN model JSON (corelet tables), runs in snn-run";
  }
  llvm::StringRef getChip() const override { return truenorth::kChipName; }
  void buildPipeline(OpPassManager &pm, Stage stage,
                     const TargetOptions &options) const override {
    truenorth::populateTruenorthPipeline(pm, stage, options.stepRate,
                                         options.allowLossy);
  }
  LogicalResult emit(ModuleOp module,
                     const TargetOptions &options) const override {
    tn::ProgramOp program;
    for (tn::ProgramOp p : module.getOps<tn::ProgramOp>())
      program = p;
    if (!program)
      return module.emitError() << "has no tn.program; run truenorth-lower "
                                   "first";
    return emitFolderArtifact(
        module, options.outputPath, "truenorth",
        [&](snn::NetworkOp network, StringRef stem, ArtifactFiles &files) {
          return truenorth::buildArtifact(network, program, stem, files);
        });
  }
};
} // namespace

void snnc::registerTruenorthTarget() {
  truenorth::registerTruenorthPasses();
  TargetRegistry &registry = TargetRegistry::get();
  registry.addDialects(
      [](DialectRegistry &dialects) { dialects.insert<tn::TNDialect>(); });
  registry.add("truenorth", [] { return std::make_unique<TrueNorthTarget>(); });
}
