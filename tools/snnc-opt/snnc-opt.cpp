//===- snnc-opt.cpp - MlirOptMain with the snnc dialects and passes -------===//

#include "dialects/SNN/SNNOps.h"
#include "passes/Passes.h"
#include "targets/Target.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  // Every target's chip, dialects and passes, as snnc has them.
  snnc::registerAllTargets();
  mlir::DialectRegistry registry;
  registry.insert<snnc::snn::SNNDialect>();
  snnc::TargetRegistry::get().registerDialects(registry);
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  snnc::registerSNNCPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "snnc optimizer: the snn dialect and its passes\n",
      registry));
}
