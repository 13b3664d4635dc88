//===- Target.h - the backend interface and the target registry -*- C++ -*-===//
//
// A target is a plugin: its folder (targets/NAME/) registers a factory under
// its name, its chip description, its dialects and its passes, and provides
// the pipeline that legalizes and lowers to it and its emitter. Adding a
// target never touches the core dialect, the middle end or the driver:
// docs/targets/adding-a-target.md.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_TARGET_H
#define SNNC_TARGETS_TARGET_H

#include "passes/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace snnc {

/// What the driver tells a target about the compilation.
struct TargetOptions {
  FrontendOptions frontend;
  /// File or folder the artifact goes to.
  std::string outputPath;
  /// Steps per second the power figure assumes (0: real time).
  double stepRate = 0.0;
  /// A quantization that destroys a layer warns instead of failing.
  bool allowLossy = false;
  /// The target's own options (`--target-option KEY=VALUE`), checked
  /// against its getOptionSpecs(); absent keys take their defaults.
  std::map<std::string, std::string> targetOptions;

  /// The value of a target option, or `fallback`.
  llvm::StringRef option(llvm::StringRef key, llvm::StringRef fallback) const {
    auto it = targetOptions.find(key.str());
    return it == targetOptions.end() ? fallback : llvm::StringRef(it->second);
  }
};

/// One option a target takes: its key, what it does, the values it accepts
/// and the one it takes when not given.
struct TargetOptionSpec {
  llvm::StringRef key;
  llvm::StringRef description;
  llvm::ArrayRef<llvm::StringRef> values;
  llvm::StringRef defaultValue;
};

class Target {
public:
  virtual ~Target();

  /// Registry name (`loihi2`, `cpu`, ...).
  virtual llvm::StringRef getName() const = 0;
  /// One line for `snnc --list-targets`.
  virtual llvm::StringRef getDescription() const = 0;

  /// The registered chip this target compiles for, or empty for a target
  /// without a chip. The driver records it in the module's #snn.target, and
  /// the target's pipeline maps onto it.
  virtual llvm::StringRef getChip() const { return ""; }

  /// The options of this target (`--target-option KEY=VALUE`); none by
  /// default.
  virtual llvm::ArrayRef<TargetOptionSpec> getOptionSpecs() const {
    return {};
  }

  /// Adds the passes that take a discretized module to the end of `stage`
  /// (`quantized`, `mapped` or `target-ir`); stages the target does not have
  /// add nothing. A target with a chip runs the middle end against it
  /// (populateSNNMappingPipeline) inside its own pipeline; `target-ir` ends
  /// with the target's prepare-for-emission pass.
  virtual void buildPipeline(mlir::OpPassManager &pm, Stage stage,
                             const TargetOptions &options) const = 0;

  /// Writes the artifact of a module at stage `target-ir`. Reads the IR only;
  /// writes through writeArtifact (Emission.h), so a failure leaves no
  /// output.
  virtual mlir::LogicalResult emit(mlir::ModuleOp module,
                                   const TargetOptions &options) const = 0;
};

using TargetFactory = std::function<std::unique_ptr<Target>()>;

/// Name -> factory. Targets register themselves at start-up through
/// `registerTarget` (see `registerAllTargets`).
class TargetRegistry {
public:
  static TargetRegistry &get();

  /// Fails (returns false) if the name is taken.
  bool add(llvm::StringRef name, TargetFactory factory);
  /// Null when no target has this name.
  std::unique_ptr<Target> create(llvm::StringRef name) const;
  /// The first target (in name order) that compiles for `chip`, or null.
  std::unique_ptr<Target> createForChip(llvm::StringRef chip) const;
  /// Registered names in sorted order.
  std::vector<std::string> names() const;

  /// Records a target's dialects (those of its number formats and its
  /// hardware IR), which every tool loads so that any module parses.
  void addDialects(std::function<void(mlir::DialectRegistry &)> insert);
  /// Inserts the dialects of every registered target.
  void registerDialects(mlir::DialectRegistry &registry) const;

private:
  std::vector<std::pair<std::string, TargetFactory>> entries;
  std::vector<std::function<void(mlir::DialectRegistry &)>> dialects;
};

/// Registers every chip, target, target dialect and target pass built into
/// snnc (the folders targets/CMakeLists.txt lists). Safe to call more than
/// once.
void registerAllTargets();

} // namespace snnc

#endif // SNNC_TARGETS_TARGET_H
