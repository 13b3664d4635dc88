//===- Weights.h - reading inline and resource weight tensors ---*- C++ -*-===//

#ifndef SNNC_DIALECT_SNN_WEIGHTS_H
#define SNNC_DIALECT_SNN_WEIGHTS_H

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/SmallVector.h"

namespace snnc::snn {

/// Reads every element of an inline `dense<...>` or a `dense_resource<...>`
/// tensor of floats as doubles. Fails when a resource blob is not loaded or
/// the element type is not a float.
mlir::LogicalResult readFloats(mlir::ElementsAttr attr,
                               llvm::SmallVectorImpl<double> &out);

/// Same for integer tensors (indices of sparse synapses).
mlir::LogicalResult readIntegers(mlir::ElementsAttr attr,
                                 llvm::SmallVectorImpl<int64_t> &out);

/// An integer attribute, an i64 array or an integer tensor, appended to
/// `out` as integers (the integers `snn.quant` holds); failure for anything
/// else.
mlir::LogicalResult readIntegerValues(mlir::Attribute attr,
                                      llvm::SmallVectorImpl<int64_t> &out);

/// Builds an f32 tensor of `shape`: inline when small, as a resource blob
/// when `asResource` (the original was a resource) so that large weight
/// tensors never turn into text.
mlir::ElementsAttr makeF32Tensor(mlir::MLIRContext *ctx,
                                 llvm::ArrayRef<int64_t> shape,
                                 llvm::ArrayRef<double> values,
                                 bool asResource);

} // namespace snnc::snn

#endif // SNNC_DIALECT_SNN_WEIGHTS_H
