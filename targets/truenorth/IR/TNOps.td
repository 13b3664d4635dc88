//===- TNOps.td - operations of tn -------------------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_OPS_TD
#define SNNC_TARGETS_TRUENORTH_OPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/RegionKindInterface.td"
include "targets/truenorth/IR/TNAttributes.td"

def TN_ProgramOp : TN_Op<"program", [Symbol, SingleBlock, NoTerminator,
                                     IsolatedFromAbove]> {
  let summary = "a TrueNorth program: its cores, neuron types and ports";
  let description = [{
    `neuron_types` lists the types the cores' neurons name by index.
    `inputs[k][e]` lists the `[core, axon]` pairs element `e` of network
    input `k` drives; `outputs[k][e]` is the `[core, neuron]` that carries
    element `e` of network output `k`. The verifier checks that every core
    index, axon, neuron, type and delay exists and is in range.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, F64Attr:$dt_ms,
                       TypedArrayAttrBase<TN_NeuronAttr, "neuron types">:$neuron_types,
                       ArrayAttr:$inputs, ArrayAttr:$outputs);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  // After the cores' own verifiers: the program checks what they refer to.
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
  }];
}

def TN_CoreOp : TN_Op<"core", [HasParent<"ProgramOp">]> {
  let summary = "one core: crossbar, axon types, neurons and destinations";
  let description = [{
    `axon_types[a]` (0..3) is the type of axon `a`; `crossbar[a]` its row of
    the binary crossbar as 64 hex digits, the neuron of bit `j` reached when
    bit `j` is set (digit 0 holds neurons 0-3, bit 3 of a digit its first
    neuron). Per neuron: `types` (an index into the program's neuron
    types), `dest_cores` (a negative core: an output), `dest_axons`,
    `dest_delays` (1..15 ticks), and, for tracing back to the model,
    `source` (the snn op it came from) and `neurons` (the neuron of that op
    it carries; copies of one neuron for several destinations repeat it).
  }];
  let arguments = (ins I64Attr:$id, DenseI64ArrayAttr:$axon_types,
                       StrArrayAttr:$crossbar, DenseI64ArrayAttr:$types,
                       DenseI64ArrayAttr:$dest_cores,
                       DenseI64ArrayAttr:$dest_axons,
                       DenseI64ArrayAttr:$dest_delays, StrAttr:$source,
                       DenseI64ArrayAttr:$neurons);
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

#endif // SNNC_TARGETS_TRUENORTH_OPS_TD
