//===- SNNDialect.h - the snn dialect, its types and attributes -*- C++ -*-===//

#ifndef SNNC_DIALECT_SNN_SNNDIALECT_H
#define SNNC_DIALECT_SNN_SNNDIALECT_H

#include "dialects/SNN/Units.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"

#include "dialects/SNN/SNNDialect.h.inc"
#include "dialects/SNN/SNNEnums.h.inc"

#include "dialects/SNN/SNNAttrInterfaces.h.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/SNN/SNNTypes.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/SNN/SNNAttributes.h.inc"

namespace snnc::snn {

/// The shape of a spike or current stream; empty for other types.
llvm::ArrayRef<int64_t> getStreamShape(mlir::Type type);

/// Number of elements of a spike or current stream (1 for other types).
int64_t getNumElements(mlir::Type type);

inline units::Dim toUnitsDim(Dimension dim) {
  return static_cast<units::Dim>(static_cast<int>(dim));
}
inline Dimension fromUnitsDim(units::Dim dim) {
  return static_cast<Dimension>(static_cast<int>(dim));
}

/// `time (ms)`, `voltage (mV)`, `dimensionless`: for diagnostics.
std::string describeDimension(Dimension dim);

} // namespace snnc::snn

#endif // SNNC_DIALECT_SNN_SNNDIALECT_H
