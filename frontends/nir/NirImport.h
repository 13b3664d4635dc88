//===- NirImport.h - NIR graphs to and from the snn dialect -----*- C++ -*-===//

#ifndef SNNC_FRONTENDS_NIR_NIRIMPORT_H
#define SNNC_FRONTENDS_NIR_NIRIMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <optional>
#include <string>

namespace snnc::nir {

/// NIR stores numbers without units; snnc reads times in seconds (the unit
/// the common exporters use: snnTorch, Norse, Rockpool), voltages in mV,
/// resistances in MOhm (so that weights act as nA) and everything else as
/// it is. The network's step is `dtMs` when given, else the graph's
/// `metadata/dt` (seconds), else 1 ms.
mlir::OwningOpRef<mlir::ModuleOp> importFile(const std::string &path,
                                             mlir::MLIRContext *context,
                                             std::optional<double> dtMs);

/// Writes the single snn.network of `module` as a NIR file, node names taken
/// from name locations (as the importer sets them). Ops and attributes NIR
/// cannot express get a diagnostic; nothing is written then.
mlir::LogicalResult exportFile(mlir::ModuleOp module, const std::string &path);

} // namespace snnc::nir

#endif // SNNC_FRONTENDS_NIR_NIRIMPORT_H
