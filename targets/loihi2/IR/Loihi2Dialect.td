//===- Loihi2Dialect.td - the loihi2 dialect ---------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_LOIHI2_DIALECT_TD
#define SNNC_TARGETS_LOIHI2_DIALECT_TD

include "mlir/IR/OpBase.td"

def Loihi2_Dialect : Dialect {
  let name = "loihi2";
  let cppNamespace = "::snnc::loihi2";
  let summary = "Loihi 2's number formats on snn ops";
  let description = [{
    The attributes the Loihi 2 target writes on `snn` ops: the integer
    formats of Lava's bit-accurate processes that `loihi2-quantize` chose
    and `loihi2-prepare-for-emission` laid out for the emitter. The core
    `snn` dialect knows them only through `NumberFormatAttrInterface`.
  }];
  let useDefaultAttributePrinterParser = 1;
}

#endif // SNNC_TARGETS_LOIHI2_DIALECT_TD
