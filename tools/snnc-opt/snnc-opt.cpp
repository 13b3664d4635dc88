//===- snnc-opt.cpp - MlirOptMain with the snnc dialects and passes -------===//

#include "dialects/SNN/SNNOps.h"
#include "passes/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<snnc::snn::SNNDialect>();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  snnc::registerSNNCPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "snnc optimizer: the snn dialect and its passes\n",
      registry));
}
