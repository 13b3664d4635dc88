//===- Loihi2Dialect.cpp - the loihi2 dialect and its formats -------------===//

#include "targets/loihi2/IR/Loihi2Dialect.h"

#include "dialects/SNN/Weights.h"

#include "snnrt/LavaLearning.h"
#include "snnrt/Loihi2.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snnc::loihi2;
namespace lo = snnrt::loihi2;

#include "targets/loihi2/IR/Loihi2Dialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "targets/loihi2/IR/Loihi2Attributes.cpp.inc"

void Loihi2Dialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "targets/loihi2/IR/Loihi2Attributes.cpp.inc"
      >();
}

FormatAttr snnc::loihi2::getFormat(Operation *op) {
  return op->getAttrOfType<FormatAttr>("snn.quant");
}

/// Every named integer in its Loihi 2 range (the runtime's constants), the
/// learning rule in Lava's grammar and the sign mode one of Lava's.
LogicalResult FormatAttr::verifyOn(Operation *op) const {
  struct Range {
    StringRef name;
    int64_t min, max;
  };
  const lo::WeightLimits weights = lo::weightLimits(lo::SignMode::Mixed);
  const int64_t maxTrace = (int64_t(1) << lo::kTraceBits) - 1;
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
      {"weights", weights.lo, weights.hi},
      {"lava_weight", weights.lo, weights.hi},
      {"x1_impulse", 0, maxTrace},
      {"y1_impulse", 0, maxTrace},
      {"x1_tau", 0, lo::kMaxTraceTau},
      {"y1_tau", 0, lo::kMaxTraceTau},
      {"t_epoch", 1, lo::kMaxEpoch},
  };
  DictionaryAttr fields = getFields();
  for (const Range &range : ranges) {
    Attribute attr = fields.get(range.name);
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
  if (Attribute dw = fields.get("learning_dw")) {
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
  if (Attribute mode = fields.get("sign_mode")) {
    auto text = llvm::dyn_cast<StringAttr>(mode);
    lo::SignMode parsed;
    if (!text)
      return op->emitOpError() << "has a Loihi 2 'sign_mode' that is not a "
                                  "string";
    if (!lo::parseSignMode(text.getValue().str(), parsed))
      return op->emitOpError() << "has Loihi 2 sign_mode '" << text.getValue()
                               << "'; expected MIXED, EXCITATORY or "
                                  "INHIBITORY";
  }
  return success();
}
