//===- Report.h - the resource report of a mapped network -------*- C++ -*-===//
//
// Formats what snn-resource-analysis, snn-partition and snn-place attached
// to each network: a text table for people and JSON for tools. Every energy
// figure is printed with its source. The placement is drawn as SVG.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_PASSES_REPORT_H
#define SNNC_PASSES_REPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace snnc {

void printReport(mlir::ModuleOp module, llvm::raw_ostream &os);
llvm::json::Value reportJson(mlir::ModuleOp module);
/// Draws each network's cores on the chips' meshes where snn-place put
/// them, coloured by population. Fails, with a diagnostic, on a network
/// that is not placed.
mlir::LogicalResult writePlacementSvg(mlir::ModuleOp module,
                                      llvm::raw_ostream &os);

} // namespace snnc

#endif // SNNC_PASSES_REPORT_H
