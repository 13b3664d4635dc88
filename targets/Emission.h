//===- Emission.h - what every emitter needs --------------------*- C++ -*-===//
//
// An artifact is a set of files written together or not at all, JSON printed
// the same way on every run, and the resource report bundled beside it.
// Emitters build the files in memory and hand them to writeArtifact.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_EMISSION_H
#define SNNC_TARGETS_EMISSION_H

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

/// Where a folder artifact goes: `-o DIR` (created if needed) holds
/// `STEM.*` with STEM the network's name; `-o DIR/NAME.json` names the
/// files NAME.*. `-o -` is refused: `target` writes a folder.
struct ArtifactFolder {
  std::string dir, stem;
};
mlir::FailureOr<ArtifactFolder>
resolveArtifactFolder(mlir::ModuleOp module, llvm::StringRef path,
                      llvm::StringRef target, llvm::StringRef network);

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
