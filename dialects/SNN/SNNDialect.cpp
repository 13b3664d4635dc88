//===- SNNDialect.cpp - the snn dialect -----------------------------------===//

#include "dialects/SNN/SNNOps.h"
#include "dialects/SNN/Weights.h"
#include "snnrt/LavaLearning.h"
#include "snnrt/Loihi2.h"
#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace snnc::snn;

#include "dialects/SNN/SNNDialect.cpp.inc"
#include "dialects/SNN/SNNEnums.cpp.inc"

void SNNDialect::initialize() {
  registerTypes();
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "dialects/SNN/SNNOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Quantized formats (`snn.quant`, written by snn-quantize)
//===----------------------------------------------------------------------===//

namespace {
using namespace mlir;
namespace lo = snnrt::loihi2;

/// Checks that every named integer of `quant` lies in its Loihi 2 range.
LogicalResult verifyLoihi2(Operation *op, DictionaryAttr quant) {
  struct Range {
    StringRef name;
    int64_t min, max;
  };
  const Range ranges[] = {
      {"du", 0, lo::kMaxDecay},
      {"dv", 0, lo::kMaxDecay},
      {"vth", 0, lo::kMaxVth},
      {"bias_mant", lo::kMinBiasMant, lo::kMaxBiasMant},
      {"bias_exp", lo::kMinBiasExp, lo::kMaxBiasExp},
      {"u_init", -lo::kStateBound + 1, lo::kStateBound - 1},
      {"v_init", -lo::kStateBound + 1, lo::kStateBound - 1},
      {"weight_exp", lo::kMinWeightExp, lo::kMaxWeightExp},
      {"num_weight_bits", 1, lo::kMaxWeightBits},
      {"weights", -256, 255},
      {"x1_impulse", 0, (1 << lo::kTraceBits) - 1},
      {"y1_impulse", 0, (1 << lo::kTraceBits) - 1},
      {"x1_tau", 0, 255},
      {"y1_tau", 0, 255},
      {"t_epoch", 1, lo::kMaxEpoch},
  };
  for (const Range &range : ranges) {
    Attribute attr = quant.get(range.name);
    if (!attr)
      continue;
    SmallVector<int64_t> values;
    if (failed(snnc::snn::readIntegerValues(attr, values)))
      return op->emitOpError() << "has a Loihi 2 '" << range.name
                               << "' that is not an integer or integers";
    for (int64_t v : values)
      if (v < range.min || v > range.max)
        return op->emitOpError()
               << "has Loihi 2 '" << range.name << "' = " << v
               << ", outside " << range.min << ".." << range.max;
  }
  if (Attribute dw = quant.get("learning_dw")) {
    auto text = llvm::dyn_cast<StringAttr>(dw);
    lo::ProductSeries series;
    std::string error;
    if (!text)
      return op->emitOpError() << "has a Loihi 2 'learning_dw' that is not "
                                  "a string";
    if (!lo::parseLearningRule(text.getValue().str(), series, error))
      return op->emitOpError() << "has Loihi 2 learning_dw \""
                               << text.getValue() << "\": " << error;
  }
  if (auto mode = quant.getAs<StringAttr>("sign_mode")) {
    lo::SignMode parsed;
    if (!lo::parseSignMode(mode.getValue().str(), parsed))
      return op->emitOpError() << "has Loihi 2 sign_mode '" << mode.getValue()
                               << "'; expected MIXED, EXCITATORY or "
                                  "INHIBITORY";
  }
  return success();
}
} // namespace

LogicalResult
snnc::snn::SNNDialect::verifyOperationAttribute(Operation *op,
                                                NamedAttribute attr) {
  if (attr.getName() != "snn.quant")
    return success();
  auto quant = llvm::dyn_cast<DictionaryAttr>(attr.getValue());
  if (!quant)
    return op->emitOpError() << "has an 'snn.quant' that is not a dictionary";
  auto format = quant.getAs<StringAttr>("format");
  if (!format)
    return op->emitOpError() << "has an 'snn.quant' without a 'format'";
  if (format.getValue() == "loihi2")
    return verifyLoihi2(op, quant);
  return op->emitOpError() << "has 'snn.quant' in the unknown format '"
                           << format.getValue() << "'";
}
