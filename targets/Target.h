//===- Target.h - the backend interface and the target registry -*- C++ -*-===//
//
// A target is a plugin: it registers a factory under its name and provides
// its chip description, the passes that legalize and lower to it, and its
// emitter. Adding a target never touches the dialect or the driver.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_TARGET_H
#define SNNC_TARGETS_TARGET_H

#include "passes/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <vector>

namespace snnc {

/// What the driver tells a target about the compilation.
struct TargetOptions {
  FrontendOptions frontend;
  /// File or folder the artifact goes to.
  std::string outputPath;
};

class Target {
public:
  virtual ~Target();

  /// Registry name (`loihi2`, `cpu`, ...).
  virtual llvm::StringRef getName() const = 0;
  /// One line for `snnc --list-targets`.
  virtual llvm::StringRef getDescription() const = 0;

  /// The chip description this target compiles for (its quantization,
  /// partitioning and placement come from the chip's mapping pipeline), or
  /// empty for a target without a chip.
  virtual llvm::StringRef getChip() const { return ""; }

  /// Adds the passes that take a discretized module to the end of `stage`
  /// (`quantized`, `mapped` or `target-ir`); stages the target does not have
  /// add nothing.
  virtual void buildPipeline(mlir::OpPassManager &pm, Stage stage,
                             const TargetOptions &options) const = 0;

  /// Writes the artifact of a module at stage `target-ir`. Reads the IR only;
  /// writes to a temporary file and renames, so a failure leaves no output.
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
  /// Registered names in sorted order.
  std::vector<std::string> names() const;

private:
  std::vector<std::pair<std::string, TargetFactory>> entries;
};

/// Registers every target built into snnc. Safe to call more than once.
void registerAllTargets();

/// The message of a failed write to `path` (llvm::writeToOutput's error),
/// without the path it repeats: "No such file or directory".
std::string writeErrorMessage(llvm::StringRef path, llvm::Error error);

/// The attribute on the module that records the chosen target.
inline constexpr llvm::StringLiteral kTargetAttrName = "snn.target";

} // namespace snnc

#endif // SNNC_TARGETS_TARGET_H
