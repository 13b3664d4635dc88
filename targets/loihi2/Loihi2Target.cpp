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

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

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
    loihi2::populateLoihi2Pipeline(pm, stage, options.stepRate);
  }
  LogicalResult emit(ModuleOp module,
                     const TargetOptions &options) const override {
    FailureOr<snn::NetworkOp> network =
        snn::getSingleNetwork(module, "the loihi2 target");
    if (failed(network))
      return failure();
    std::string path = options.outputPath;
    if (path == "-" || path.empty())
      return module.emitError()
             << "the loihi2 target writes a folder: give -o DIR";
    // -o DIR (created if needed) or -o DIR/NAME.json.
    SmallString<256> dir(path);
    std::string stem = network->getSymName().str();
    if (llvm::sys::path::extension(path) == ".json") {
      stem = llvm::sys::path::stem(path).str();
      dir = llvm::sys::path::parent_path(path);
      if (dir.empty())
        dir = ".";
    }
    if (std::error_code ec = llvm::sys::fs::create_directories(dir))
      return module.emitError() << "cannot create '" << dir
                                << "': " << ec.message();
    ArtifactFiles files;
    if (failed(loihi2::buildArtifact(*network, stem, files)))
      return failure();
    addReportFiles(module, stem, files);
    return writeArtifact(module, dir, files);
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
