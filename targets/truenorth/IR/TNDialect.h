//===- TNDialect.h - the tn dialect: TrueNorth programs ---------*- C++ -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_IR_TNDIALECT_H
#define SNNC_TARGETS_TRUENORTH_IR_TNDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"

#include "targets/truenorth/IR/TNDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "targets/truenorth/IR/TNAttributes.h.inc"

#define GET_OP_CLASSES
#include "targets/truenorth/IR/TNOps.h.inc"

#endif // SNNC_TARGETS_TRUENORTH_IR_TNDIALECT_H
