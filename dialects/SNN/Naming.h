//===- Naming.h - the one naming scheme of a network's ops ------*- C++ -*-===//
//
// Every artifact names the ops of a network the same way (the cpu image's
// nodes, Loihi 2's processes, NIR's nodes), so that a name in a report, an
// activity profile or a reference run means the same op everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_DIALECT_SNN_NAMING_H
#define SNNC_DIALECT_SNN_NAMING_H

#include "dialects/SNN/SNNOps.h"

#include "llvm/ADT/DenseMap.h"

#include <string>

namespace snnc::snn {

/// The names of a network's ops (every op but probes and the terminator).
/// An op with a name location (an imported NIR node) takes that name; any
/// other its kind and its position in the body counted after the network's
/// inputs (`lif_2` is the third value after one input). Characters other
/// than letters, digits, `_`, `.` and `-` become `_`, so a name can be part
/// of a file name, and a name already taken (an earlier op's, or a port's:
/// `input`, `output`, `input_K`, `output_K`) gets `_1`, `_2`, ... appended.
class OpNames {
public:
  explicit OpNames(NetworkOp network);
  /// The op's name; empty for probes, the terminator and foreign ops.
  llvm::StringRef lookup(mlir::Operation *op) const;

  /// The name of network input `k`.
  static std::string inputName(unsigned k);

private:
  llvm::DenseMap<mlir::Operation *, std::string> names;
};

} // namespace snnc::snn

#endif // SNNC_DIALECT_SNN_NAMING_H
