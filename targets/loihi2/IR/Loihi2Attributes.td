//===- Loihi2Attributes.td - attributes of loihi2 ----------*- tablegen -*-===//

#ifndef SNNC_TARGETS_LOIHI2_ATTRIBUTES_TD
#define SNNC_TARGETS_LOIHI2_ATTRIBUTES_TD

include "mlir/IR/AttrTypeBase.td"
include "dialects/SNN/SNNAttrInterfaces.td"
include "targets/loihi2/IR/Loihi2Dialect.td"

def Loihi2_FormatAttr : AttrDef<Loihi2_Dialect, "Format",
    [DeclareAttrInterfaceMethods<SNN_NumberFormatAttrInterface>]> {
  let mnemonic = "format";
  let summary = "the integers of one op in Lava's Loihi 2 formats";
  let description = [{
    The value of `snn.quant` on an op compiled for Loihi 2, with Lava's
    parameter names. A population (Lava's LIF): `du`, `dv` (1/4096 per
    step), `vth` (shifted left by 6), `bias_mant`/`bias_exp`, `u_init`,
    `v_init` (24-bit state), and `scale` (integer voltage units per mV) and
    `v_offset` (mV) that relate them to the float model. A connection:
    `weight_exp`, `num_weight_bits`, `sign_mode` and 8-bit `weights`
    (mantissas; a procedural connection has `weight_scale` instead), with
    Lava's learning rule when it learns (`learning_dw`, `t_epoch`,
    `x1_impulse`, `x1_tau`, `y1_impulse`, `y1_tau`). After
    `loihi2-prepare-for-emission`, `lava_weight` holds a convolution's kernel
    in Lava's (out, kw, kh, in) layout, and `rows`/`cols`/`weights` the
    synapses of a sparse or procedural connection, one per entry. Checked
    against the ranges of `snnrt/Loihi2.h` on the op that carries it.
    `#loihi2.format<{du = 0 : i64, dv = 410 : i64, vth = 4096 : i64, ...}>`
  }];
  let parameters = (ins "::mlir::DictionaryAttr":$fields);
  let assemblyFormat = "`<` $fields `>`";
}

#endif // SNNC_TARGETS_LOIHI2_ATTRIBUTES_TD
