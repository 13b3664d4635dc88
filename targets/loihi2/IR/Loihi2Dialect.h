//===- Loihi2Dialect.h - the loihi2 dialect and its formats -----*- C++ -*-===//

#ifndef SNNC_TARGETS_LOIHI2_IR_LOIHI2DIALECT_H
#define SNNC_TARGETS_LOIHI2_IR_LOIHI2DIALECT_H

#include "dialects/SNN/SNNDialect.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"

#include "targets/loihi2/IR/Loihi2Dialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "targets/loihi2/IR/Loihi2Attributes.h.inc"

namespace snnc::loihi2 {
/// The Loihi 2 formats on `op` (its `snn.quant`), or null.
FormatAttr getFormat(mlir::Operation *op);
} // namespace snnc::loihi2

#endif // SNNC_TARGETS_LOIHI2_IR_LOIHI2DIALECT_H
