//===- SNNDialect.td - the snn dialect definition ----------*- tablegen -*-===//

#ifndef SNNC_DIALECT_SNN_DIALECT_TD
#define SNNC_DIALECT_SNN_DIALECT_TD

include "mlir/IR/OpBase.td"

def SNN_Dialect : Dialect {
  let name = "snn";
  let cppNamespace = "::snnc::snn";
  let summary = "Hardware-independent spiking neural network graphs";
  let description = [{
    The `snn` dialect describes a spiking neural network as a graph of neuron
    populations and the connections between them. SSA values are streams: one
    tensor of spikes or currents per timestep. Physical parameters carry units
    (ms, mV, nA, uS, nF, um, MOhm); continuous-time models become per-step
    models through `snn-discretize`.
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 0;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();
  }];
}

class SNN_Op<string mnemonic, list<Trait> traits = []>
    : Op<SNN_Dialect, mnemonic, traits>;

#endif // SNNC_DIALECT_SNN_DIALECT_TD
