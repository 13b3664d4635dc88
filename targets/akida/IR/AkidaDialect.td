//===- AkidaDialect.td - the akida dialect -----------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_AKIDA_DIALECT_TD
#define SNNC_TARGETS_AKIDA_DIALECT_TD

include "mlir/IR/OpBase.td"

def Akida_Dialect : Dialect {
  let name = "akida";
  let cppNamespace = "::snnc::akida";
  let summary = "Akida models: layers as MetaTF describes them";
  let description = [{
    The hardware-level IR of the Akida target, what `akida-legalize` makes
    of an `snn` network: an `akida.model` of `akida.layer`s, each one layer
    of BrainChip's MetaTF (InputConvolutional, Convolutional,
    SeparableConvolutional, FullyConnected for Akida 1.0) with MetaTF's
    parameter names, its integer variables and, after `akida-map`, the
    neural processors it takes. The emitter writes one JSON descriptor per
    layer and the integer variables as `.npy` (docs/formats/akida.md).
  }];
}

class Akida_Op<string mnemonic, list<Trait> traits = []>
    : Op<Akida_Dialect, mnemonic, traits>;

#endif // SNNC_TARGETS_AKIDA_DIALECT_TD
