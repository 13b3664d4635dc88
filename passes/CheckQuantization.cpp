//===- CheckQuantization.cpp - no quantization destroys a layer silently --===//
//
// The bounds every target's quantization is held to, on the errors it
// records: a connection may lose at most a quarter of its non-zero weights
// and be off by at most a quarter of its largest weight (rms), unless the
// user allows a lossy result.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"
#include "passes/SynapseCost.h"

#include <cstdio>

#define DEBUG_TYPE "snn-check-quantization"

namespace snnc {
#define GEN_PASS_DEF_SNNCHECKQUANTIZATION
#include "passes/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snnc;

namespace {
/// The documented bounds (docs/targets/chips.md).
constexpr double kMaxZeroedShare = 0.25;
constexpr double kMaxRmsError = 0.25;

/// A share as a percentage of 3 significant digits: "90.9".
std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", 100 * share);
  return buffer;
}

struct SNNCheckQuantizationPass
    : public snnc::impl::SNNCheckQuantizationBase<SNNCheckQuantizationPass> {
  using Base::Base;
  void runOnOperation() override {
    bool failedAny = false;
    for (Operation &op : getOperation().getBodyBlock()) {
      auto errors = op.getAttrOfType<DictionaryAttr>("snn.quant_error");
      if (!errors)
        continue;
      auto figure = [&](StringRef name) {
        auto f = errors.getAs<FloatAttr>(name);
        return f ? f.getValueAsDouble() : 0.0;
      };
      double zeroed = figure("weights_zeroed"), rms = figure("weight_rms");
      std::string what;
      if (zeroed >= 1.0)
        what = "rounds every one of its non-zero weights to 0";
      else if (zeroed > kMaxZeroedShare)
        what = "rounds " + percent(zeroed) +
               "% of its non-zero weights to 0, more than the " +
               percent(kMaxZeroedShare) + "% allowed";
      else if (rms > kMaxRmsError)
        what = "has a weight error of " + shortNumber(rms) +
               " of its largest weight (rms), more than the " +
               shortNumber(kMaxRmsError) + " allowed";
      if (what.empty())
        continue;
      ++numLossy;
      if (allowLossy) {
        op.emitWarning() << "quantization " << what << " (--allow-lossy)";
        continue;
      }
      op.emitOpError() << "loses its meaning in quantization: it " << what
                       << "; pass --allow-lossy to compile it anyway";
      failedAny = true;
    }
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace
