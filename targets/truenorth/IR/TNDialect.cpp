//===- TNDialect.cpp - the tn dialect: TrueNorth programs -----------------===//

#include "targets/truenorth/IR/TNDialect.h"

#include "snnrt/TrueNorth.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snnc::tn;
namespace tnrt = snnrt::truenorth;

#include "targets/truenorth/IR/TNDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "targets/truenorth/IR/TNAttributes.cpp.inc"

#define GET_OP_CLASSES
#include "targets/truenorth/IR/TNOps.cpp.inc"

void TNDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "targets/truenorth/IR/TNAttributes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "targets/truenorth/IR/TNOps.cpp.inc"
      >();
}

namespace {
/// `value` within [lo, hi], or a diagnostic naming the register.
LogicalResult inRange(llvm::function_ref<InFlightDiagnostic()> emitError,
                      StringRef name, int64_t value, int64_t lo, int64_t hi) {
  if (value < lo || value > hi)
    return emitError() << "#tn.neuron " << name << " is " << value
                       << ", outside " << lo << ".." << hi;
  return success();
}
} // namespace

LogicalResult
NeuronAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                   DenseI64ArrayAttr weights, int64_t leak, bool,
                   int64_t threshold, int64_t negativeThreshold,
                   int64_t maskBits, int64_t resetMode, int64_t negativeMode,
                   int64_t reset, int64_t initial) {
  if (weights.size() != 4)
    return emitError() << "#tn.neuron has " << weights.size()
                       << " weights; a neuron has one per axon type (4)";
  for (int64_t w : weights.asArrayRef())
    if (failed(inRange(emitError, "weight", w, -tnrt::kMaxMagnitude,
                       tnrt::kMaxMagnitude)))
      return failure();
  if (failed(inRange(emitError, "leak", leak, -tnrt::kMaxMagnitude,
                     tnrt::kMaxMagnitude)) ||
      failed(
          inRange(emitError, "threshold", threshold, 0, tnrt::kMaxMagnitude)) ||
      failed(inRange(emitError, "negative_threshold", negativeThreshold, 0,
                     tnrt::kMaxMagnitude)) ||
      failed(inRange(emitError, "mask_bits", maskBits, 0,
                     tnrt::kMaxThresholdMaskBits)) ||
      failed(inRange(emitError, "reset_mode", resetMode, 0, 2)) ||
      failed(inRange(emitError, "negative_mode", negativeMode, 0, 1)) ||
      failed(inRange(emitError, "initial", initial, tnrt::kMinMembrane,
                     tnrt::kMaxMembrane)))
    return failure();
  // R = sigma_VR (2^VR - 1).
  int64_t magnitude = reset < 0 ? -reset : reset;
  if ((magnitude & (magnitude + 1)) != 0 ||
      magnitude > (int64_t(1) << tnrt::kMaxResetExponent) - 1)
    return emitError() << "#tn.neuron reset is " << reset
                       << "; TrueNorth resets to +-(2^k - 1), k in 0.."
                       << tnrt::kMaxResetExponent;
  return success();
}

LogicalResult CoreOp::verify() {
  ArrayRef<int64_t> axonTypes = getAxonTypes();
  if (int64_t(axonTypes.size()) > tnrt::kAxonsPerCore)
    return emitOpError() << "has " << axonTypes.size() << " axons; a core has "
                         << tnrt::kAxonsPerCore;
  for (auto [a, t] : llvm::enumerate(axonTypes))
    if (t < 0 || t > 3)
      return emitOpError() << "gives axon " << a << " the type " << t
                           << "; types are S0..S3 (0..3)";
  if (getCrossbar().size() != axonTypes.size())
    return emitOpError() << "has " << getCrossbar().size()
                         << " crossbar rows for " << axonTypes.size()
                         << " axons";
  for (auto [a, row] : llvm::enumerate(getCrossbar())) {
    StringRef hex = llvm::cast<StringAttr>(row).getValue();
    if (hex.size() != 64 ||
        !llvm::all_of(hex, [](char c) { return llvm::isHexDigit(c); }))
      return emitOpError() << "has crossbar row " << a << " \"" << hex
                           << "\"; a row is 64 hex digits";
  }
  size_t n = getTypes().size();
  if (int64_t(n) > tnrt::kNeuronsPerCore)
    return emitOpError() << "has " << n << " neurons; a core has "
                         << tnrt::kNeuronsPerCore;
  for (auto [name, size] :
       {std::pair<StringRef, size_t>{"dest_cores", getDestCores().size()},
        {"dest_axons", getDestAxons().size()},
        {"dest_delays", getDestDelays().size()},
        {"neurons", getNeurons().size()}})
    if (size != n)
      return emitOpError() << "has " << size << " " << name << " for " << n
                           << " neurons";
  for (size_t j = 0; j < n; ++j) {
    if (getDestCores()[j] < 0)
      continue;
    if (getDestAxons()[j] < 0 || getDestAxons()[j] >= tnrt::kAxonsPerCore)
      return emitOpError() << "sends neuron " << j << " to axon "
                           << getDestAxons()[j] << ", outside 0.."
                           << tnrt::kAxonsPerCore - 1;
    if (getDestDelays()[j] < 1 || getDestDelays()[j] > tnrt::kMaxDelay)
      return emitOpError() << "delays neuron " << j << " by "
                           << getDestDelays()[j] << " ticks, outside 1.."
                           << tnrt::kMaxDelay;
  }
  return success();
}

LogicalResult ProgramOp::verifyRegions() {
  SmallVector<CoreOp> cores;
  for (Operation &op : getBodyBlock())
    if (auto core = llvm::dyn_cast<CoreOp>(op))
      cores.push_back(core);
  for (auto [i, core] : llvm::enumerate(cores)) {
    if (core.getId() != int64_t(i))
      return core.emitOpError() << "has id " << core.getId()
                                << "; the program's cores are numbered 0.."
                                << cores.size() - 1 << " in order";
    for (auto [j, type] : llvm::enumerate(core.getTypes()))
      if (type < 0 || type >= int64_t(getNeuronTypes().size()))
        return core.emitOpError()
               << "gives neuron " << j << " the type " << type
               << "; the program has " << getNeuronTypes().size();
    for (auto [j, dest] : llvm::enumerate(core.getDestCores())) {
      if (dest < 0)
        continue;
      if (dest >= int64_t(cores.size()))
        return core.emitOpError() << "sends neuron " << j << " to core " << dest
                                  << "; the program has " << cores.size();
      if (core.getDestAxons()[j] >=
          int64_t(cores[size_t(dest)].getAxonTypes().size()))
        return core.emitOpError()
               << "sends neuron " << j << " to axon " << core.getDestAxons()[j]
               << " of core " << dest << ", which has "
               << cores[size_t(dest)].getAxonTypes().size() << " axons";
    }
  }
  // Ports: per element, [core, axon] pairs (inputs) or one [core, neuron]
  // (outputs), in range.
  auto checkPair = [&](Attribute t, StringRef what,
                       bool axons) -> LogicalResult {
    auto pair = llvm::dyn_cast<DenseI64ArrayAttr>(t);
    if (!pair || pair.size() != 2 || pair[0] < 0 ||
        pair[0] >= int64_t(cores.size()))
      return emitOpError() << "has " << what
                           << " naming a core that does not exist";
    CoreOp core = cores[size_t(pair[0])];
    int64_t limit = axons ? int64_t(core.getAxonTypes().size())
                          : int64_t(core.getTypes().size());
    if (pair[1] < 0 || pair[1] >= limit)
      return emitOpError() << "has " << what << " naming "
                           << (axons ? "axon " : "neuron ") << pair[1]
                           << " of core " << pair[0] << ", which has " << limit;
    return success();
  };
  auto pairs = [&](Attribute list, StringRef what,
                   bool axons) -> LogicalResult {
    auto elements = llvm::dyn_cast<ArrayAttr>(list);
    if (!elements)
      return emitOpError() << "has " << what << " that are not lists";
    for (Attribute e : elements) {
      if (!axons) {
        if (failed(checkPair(e, what, axons)))
          return failure();
        continue;
      }
      auto targets = llvm::dyn_cast<ArrayAttr>(e);
      if (!targets)
        return emitOpError() << "has " << what << " that are not lists";
      for (Attribute t : targets)
        if (failed(checkPair(t, what, axons)))
          return failure();
    }
    return success();
  };
  for (Attribute input : getInputs())
    if (failed(pairs(input, "input targets", /*axons=*/true)))
      return failure();
  for (Attribute output : getOutputs())
    if (failed(pairs(output, "output neurons", /*axons=*/false)))
      return failure();
  return success();
}
