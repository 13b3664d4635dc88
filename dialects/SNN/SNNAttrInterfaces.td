//===- SNNAttrInterfaces.td - attribute interfaces of snn --*- tablegen -*-===//

#ifndef SNNC_DIALECT_SNN_ATTRINTERFACES_TD
#define SNNC_DIALECT_SNN_ATTRINTERFACES_TD

include "mlir/IR/OpBase.td"

def SNN_NumberFormatAttrInterface : AttrInterface<"NumberFormatAttrInterface"> {
  let cppNamespace = "::snnc::snn";
  let description = [{
    A chip's integer formats for one op: the value of the `snn.quant`
    attribute that a target's quantization pass writes. The attribute belongs
    to the target's own dialect (`#CHIP.format<...>`); the snn dialect only
    requires that `snn.quant` implements this interface and lets the
    attribute check itself against the op it sits on, so that the core
    dialect names no chip.
  }];
  let methods = [
    InterfaceMethod<"checks the formats against the op that carries them; "
                    "emits a diagnostic on the op and fails when one is out "
                    "of its range", "::mlir::LogicalResult", "verifyOn",
                    (ins "::mlir::Operation *":$op)>,
  ];
}

#endif // SNNC_DIALECT_SNN_ATTRINTERFACES_TD
