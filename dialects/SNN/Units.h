//===- Units.h - physical units of the snn dialect --------------*- C++ -*-===//
//
// Every physical parameter is stored in the internal unit of its dimension
// (ms, mV, nA, uS, nF, um, MOhm, kHz). This table converts written units.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_DIALECT_SNN_UNITS_H
#define SNNC_DIALECT_SNN_UNITS_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace snnc::snn::units {

/// Mirrors snn::Dimension; kept separate so that the table needs no MLIR.
enum class Dim { dimensionless, time, voltage, current, conductance,
                 capacitance, length, resistance, rate };

/// How a written unit maps onto the internal unit of its dimension: the value
/// in internal units is `value * 10^exponent`.
struct UnitInfo {
  Dim dim;
  int exponent;
};

/// Looks up a written unit (`ms`, `s`, `mV`, `uS`, `µS`, `MOhm`, ...).
std::optional<UnitInfo> lookup(llvm::StringRef unit);

/// The internal unit of a dimension (`ms`, `mV`, ...; empty for none).
llvm::StringRef internalUnit(Dim dim);

/// Converts a value written in a unit of exponent `exponent` to internal
/// units. Powers of ten below one are applied by division so that `0.02 s`
/// becomes exactly 20 ms.
double toInternal(double value, int exponent);

/// Shortest decimal text that reads back as the same double.
std::string formatDouble(double value);

} // namespace snnc::snn::units

#endif // SNNC_DIALECT_SNN_UNITS_H
