//===- TNDialect.td - the tn dialect -----------------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_DIALECT_TD
#define SNNC_TARGETS_TRUENORTH_DIALECT_TD

include "mlir/IR/OpBase.td"

def TN_Dialect : Dialect {
  let name = "tn";
  let cppNamespace = "::snnc::tn";
  let summary = "TrueNorth programs: cores, crossbars, neuron types";
  let description = [{
    The hardware-level IR of the TrueNorth target, what `truenorth-lower`
    makes of an `snn` network: a `tn.program` of `tn.core`s, each a binary
    crossbar of at most 256 axons by 256 neurons, an axon type (S0..S3) per
    axon, and per neuron a type (`#tn.neuron`, the registers of the neuron
    model) and one destination (core, axon, delay) or an output. The
    emitter prints it as TN model JSON (docs/formats/truenorth.md).
  }];
  let useDefaultAttributePrinterParser = 1;
}

class TN_Op<string mnemonic, list<Trait> traits = []>
    : Op<TN_Dialect, mnemonic, traits>;

#endif // SNNC_TARGETS_TRUENORTH_DIALECT_TD
