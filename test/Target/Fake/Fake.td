//===- Fake.td - a test target's dialect and pass ----------*- tablegen -*-===//
//
// A chip that exists only in the tests: its number format and its own pass,
// registered from outside targets/, prove that a target plugs in without
// touching the core dialect or the middle end.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TEST_FAKE_TD
#define SNNC_TEST_FAKE_TD

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/OpBase.td"
include "mlir/Pass/PassBase.td"
include "dialects/SNN/SNNAttrInterfaces.td"

def Fake_Dialect : Dialect {
  let name = "fake";
  let cppNamespace = "::snnc::fake";
  let summary = "the number format of a test chip";
  let useDefaultAttributePrinterParser = 1;
}

def Fake_FormatAttr : AttrDef<Fake_Dialect, "Format",
    [DeclareAttrInterfaceMethods<SNN_NumberFormatAttrInterface>]> {
  let mnemonic = "format";
  let summary = "weights as signed integers of `bits` bits times `step`";
  let parameters = (ins "int64_t":$bits, "::mlir::FloatAttr":$step);
  let assemblyFormat = "`<` struct(params) `>`";
}

def FakeQuantize : Pass<"fake-quantize", "::snnc::snn::NetworkOp"> {
  let summary = "every linear weight to the fake chip's 4-bit integers";
  let dependentDialects = ["::snnc::fake::FakeDialect"];
}

#endif // SNNC_TEST_FAKE_TD
