//===- AkidaDialect.h - the akida dialect: MetaTF layers --------*- C++ -*-===//

#ifndef SNNC_TARGETS_AKIDA_IR_AKIDADIALECT_H
#define SNNC_TARGETS_AKIDA_IR_AKIDADIALECT_H

#include "targets/akida/Layers.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"

#include "targets/akida/IR/AkidaDialect.h.inc"

#define GET_OP_CLASSES
#include "targets/akida/IR/AkidaOps.h.inc"

namespace snnc::akida {
/// The layer's geometry, bits and activation read from its `params` and
/// shapes, or failure after a diagnostic on the op.
mlir::FailureOr<LayerDesc> describeLayer(LayerOp layer);
} // namespace snnc::akida

#endif // SNNC_TARGETS_AKIDA_IR_AKIDADIALECT_H
