//===- SNNDialect.cpp - the snn dialect -----------------------------------===//

#include "dialects/SNN/SNNOps.h"
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
// Module and op attributes of the dialect's namespace
//===----------------------------------------------------------------------===//

#include "dialects/SNN/SNNAttrInterfaces.cpp.inc"

LogicalResult
snnc::snn::SNNDialect::verifyOperationAttribute(Operation *op,
                                                NamedAttribute attr) {
  if (attr.getName() == TargetAttr::kAttrName) {
    if (!llvm::isa<TargetAttr>(attr.getValue()))
      return op->emitOpError() << "has an '" << TargetAttr::kAttrName
                               << "' that is not an #snn.target";
    return success();
  }
  if (attr.getName() != "snn.quant")
    return success();
  // The formats are the target's: its attribute checks itself.
  auto format = llvm::dyn_cast<NumberFormatAttrInterface>(attr.getValue());
  if (!format)
    return op->emitOpError() << "has an 'snn.quant' that is not a target's "
                                "number format (an attribute implementing "
                                "NumberFormatAttrInterface)";
  return format.verifyOn(op);
}

TargetAttr TargetAttr::lookup(Operation *op) {
  for (; op; op = op->getParentOp())
    if (auto target = op->getAttrOfType<TargetAttr>(kAttrName))
      return target;
  return {};
}

LogicalResult
TargetAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                   StringAttr backend, StringAttr chip, DictionaryAttr) {
  if ((!backend || backend.getValue().empty()) &&
      (!chip || chip.getValue().empty()))
    return emitError() << "#snn.target needs a backend, a chip or both";
  return success();
}
