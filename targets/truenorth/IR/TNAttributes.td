//===- TNAttributes.td - attributes of tn ------------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_ATTRIBUTES_TD
#define SNNC_TARGETS_TRUENORTH_ATTRIBUTES_TD

include "mlir/IR/AttrTypeBase.td"
include "targets/truenorth/IR/TNDialect.td"

def TN_NeuronAttr : AttrDef<TN_Dialect, "Neuron"> {
  let mnemonic = "neuron";
  let summary = "the registers of one TrueNorth neuron type";
  let description = [{
    Signed weights per axon type (`weights`: s0..s3 with their signs), the
    signed leak and its reversal flag (epsilon), the threshold (alpha), the
    negative threshold (beta), the bits of the threshold's random mask
    (TM), the reset mode (gamma: 0 to `reset`, 1 linear, 2 none), the
    negative mode (kappa: 0 reset, 1 saturate), the reset value R (0 or
    +-(2^k - 1)) and the initial potential. Deterministic: snnc sets no
    stochastic flag. Every register is checked against its width
    (`snnrt/TrueNorth.h`).
    `#tn.neuron<weights = [1, -1, 0, 0], leak = 0, leak_reversal = false,
    threshold = 2, negative_threshold = 255, mask_bits = 0, reset_mode = 0,
    negative_mode = 1, reset = -1, initial = -1>`
  }];
  let parameters = (ins "::mlir::DenseI64ArrayAttr":$weights,
                        "int64_t":$leak, "bool":$leak_reversal,
                        "int64_t":$threshold, "int64_t":$negative_threshold,
                        "int64_t":$mask_bits, "int64_t":$reset_mode,
                        "int64_t":$negative_mode, "int64_t":$reset,
                        "int64_t":$initial);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

#endif // SNNC_TARGETS_TRUENORTH_ATTRIBUTES_TD
