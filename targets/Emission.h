//===- Emission.h - what every emitter needs --------------------*- C++ -*-===//
//
// An artifact is a set of files written together or not at all, JSON printed
// the same way on every run, and the resource report bundled beside it.
// Emitters build the files in memory and hand them to writeArtifact.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_EMISSION_H
#define SNNC_TARGETS_EMISSION_H

#include "dialects/SNN/SNNOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>

namespace snnc {

/// An artifact's files, by name inside its folder, in the order they are
/// listed and written.
using ArtifactFiles =
    llvm::MapVector<std::string, std::string, std::map<std::string, unsigned>>;

/// Writes every file under a temporary name in `dir`, then renames them all
/// into place; on any failure the temporaries are removed, nothing is left
/// and a diagnostic on `module` names the file and the reason.
mlir::LogicalResult writeArtifact(mlir::ModuleOp module, llvm::StringRef dir,
                                  const ArtifactFiles &files);

/// How a target builds the files of one network's artifact, named after
/// `stem`.
using ArtifactBuilder = llvm::function_ref<mlir::LogicalResult(
    snn::NetworkOp network, llvm::StringRef stem, ArtifactFiles &files)>;

/// The emission of a target that writes a folder: the module's single
/// network, built by `build` into `-o DIR` (created if needed, files named
/// after the network) or beside `-o DIR/NAME.json` (files NAME.*), with
/// the resource report (addReportFiles), all written by writeArtifact.
/// `-o -` is refused: `target` writes a folder.
mlir::LogicalResult emitFolderArtifact(mlir::ModuleOp module,
                                       llvm::StringRef path,
                                       llvm::StringRef target,
                                       ArtifactBuilder build);

/// Writes one file the same way (`-` is stdout).
mlir::LogicalResult writeArtifactFile(mlir::ModuleOp module,
                                      llvm::StringRef path,
                                      llvm::StringRef bytes);

/// JSON with sorted keys, objects indented one space per level and arrays
/// of scalars on one line: byte-identical for the same value.
void printJson(const llvm::json::Value &value, llvm::raw_ostream &os,
               int indent = 0);
/// The same, with a final newline, as a string.
std::string printJson(const llvm::json::Value &value);

/// Adds the resource report of `module` as `STEM.report.txt`,
/// `STEM.report.json` and, when the module is placed, `STEM.svg`.
void addReportFiles(mlir::ModuleOp module, llvm::StringRef stem,
                    ArtifactFiles &files);

/// The message of a failed write to `path` (llvm::writeToOutput's error),
/// without the path it repeats: "No such file or directory".
std::string writeErrorMessage(llvm::StringRef path, llvm::Error error);

} // namespace snnc

#endif // SNNC_TARGETS_EMISSION_H
