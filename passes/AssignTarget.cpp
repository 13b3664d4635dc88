//===- AssignTarget.cpp - records the target a module is compiled for -----===//
//
// The only pass that takes a chip's name as a string: it turns it into the
// module's #snn.target, which every other pass reads.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"
#include "passes/SynapseCost.h"

#define DEBUG_TYPE "snn-assign-target"

namespace snnc {
#define GEN_PASS_DEF_SNNASSIGNTARGET
#include "passes/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snnc;

namespace {
struct SNNAssignTargetPass
    : public snnc::impl::SNNAssignTargetBase<SNNAssignTargetPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (backend.empty() && chip.empty()) {
      module.emitError() << "snn-assign-target needs a backend, a chip or both";
      return signalPassFailure();
    }
    if (!chip.empty() && !lookupChipOrError(module, chip))
      return signalPassFailure();
    MLIRContext *ctx = &getContext();
    auto name = [&](const std::string &s) {
      return s.empty() ? StringAttr() : StringAttr::get(ctx, s);
    };
    module->setAttr(snn::TargetAttr::kAttrName,
                    snn::TargetAttr::get(ctx, name(backend), name(chip),
                                         DictionaryAttr()));
  }
};
} // namespace
