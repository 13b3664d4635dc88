//===- SNNDialect.cpp - the snn dialect -----------------------------------===//

#include "dialects/SNN/SNNOps.h"

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
