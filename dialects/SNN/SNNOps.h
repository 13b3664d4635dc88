//===- SNNOps.h - operations of the snn dialect -----------------*- C++ -*-===//

#ifndef SNNC_DIALECT_SNN_SNNOPS_H
#define SNNC_DIALECT_SNN_SNNOPS_H

#include "dialects/SNN/NeuronModels.h"
#include "dialects/SNN/SNNDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/SNN/SNNInterfaces.h.inc"

#define GET_OP_CLASSES
#include "dialects/SNN/SNNOps.h.inc"

namespace snnc::snn {
/// The one snn.network of `module`, or failure after "`consumer` takes one
/// snn.network, the module holds N" on the module.
mlir::FailureOr<NetworkOp> getSingleNetwork(mlir::ModuleOp module,
                                            llvm::StringRef consumer);

/// The op that defines `value` behind any flattens (which only rename a
/// stream's elements), or null for a network input.
mlir::Operation *getDefiningOpThroughFlattens(mlir::Value value);

/// The values of parameter `name` of a population (one, or one per
/// neuron): the op's quantity, else the model's default, else `fallback`.
llvm::SmallVector<double> getParamValues(mlir::Operation *op,
                                         const NeuronModel &model,
                                         llvm::StringRef name, double fallback);

/// A window op's `padding` holds one value per spatial axis (the same before
/// and after) or two (all the befores, then all the afters: [top, left,
/// bottom, right] in 2-d). The first `spatial` values are always the
/// befores; this is the after of axis `d`.
inline int64_t getPaddingAfter(llvm::ArrayRef<int64_t> padding,
                               unsigned spatial, unsigned d) {
  return padding.size() == 2 * spatial ? padding[spatial + d] : padding[d];
}
/// True when every axis pads as much after as before.
bool isSymmetricPadding(llvm::ArrayRef<int64_t> padding, unsigned spatial);

/// Checks `weight_bits` of a weighted connection: every output channel's
/// weights (rows of the first dimension) are k * s for one s > 0 and
/// integers |k| <= 2^(bits-1) - 1 (k = +-1 for 1 bit). Emits on `op`.
mlir::LogicalResult verifyWeightBits(mlir::Operation *op,
                                     mlir::ElementsAttr weight, int64_t bits);
} // namespace snnc::snn

#endif // SNNC_DIALECT_SNN_SNNOPS_H
