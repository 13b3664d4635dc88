//===- AkidaOps.td - operations of akida -------------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_AKIDA_OPS_TD
#define SNNC_TARGETS_AKIDA_OPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "targets/akida/IR/AkidaDialect.td"

def Akida_ModelOp : Akida_Op<"model", [Symbol, SingleBlock, NoTerminator,
                                       IsolatedFromAbove]> {
  let summary = "an Akida model: its layers in order, for one device";
  let description = [{
    `version` is the Akida IP version ("1.0" or "2.0"), `device` the chip
    the mapping is for (AKD1000). The layers run in order, each reading
    the previous one's output (a sequential model, as MetaTF's 1.0 layers
    are); `input_shape` is the model's input `[X, Y, C]` (MetaTF's order;
    X is the first spatial axis) with `input_bits` bits per element. A
    model whose first layer is not an InputConvolutional starts with
    MetaTF's InputData of that shape and bits. `network` names the
    `snn.network` the model was legalized from.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$version,
                       StrAttr:$device, DenseI64ArrayAttr:$input_shape,
                       I64Attr:$input_bits,
                       OptionalAttr<FlatSymbolRefAttr>:$network);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
  }];
}

def Akida_LayerOp : Akida_Op<"layer", [HasParent<"ModelOp">]> {
  let summary = "one MetaTF layer: parameters, integer variables, mapping";
  let description = [{
    `layer_type` is MetaTF's layer class (`InputConvolutional`, ...),
    `params` its constructor parameters under MetaTF's names
    (`kernel_size`, `filters`, `kernel_stride`, `padding`, `pool_type`,
    `pool_size`, `pool_stride`, `weights_bits`, `activation`, `act_bits`,
    `units`), `variables` its integer variables (`weights` in MetaTF's
    layout, `threshold`, `act_step`, ...), `input_shape`/`output_shape`
    `[X, Y, C]`. `source` names the snn ops the layer came from. `nps` and
    `np_type`, written by `akida-map`, are the neural processors it takes
    and their kind. The verifier checks every documented limit of the layer
    type for the model's version.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$layer_type,
                       DictionaryAttr:$params, DictionaryAttr:$variables,
                       DenseI64ArrayAttr:$input_shape,
                       DenseI64ArrayAttr:$output_shape, StrAttr:$source,
                       OptionalAttr<I64Attr>:$nps,
                       OptionalAttr<StrAttr>:$np_type);
  let assemblyFormat = "$sym_name $layer_type attr-dict";
  let hasVerifier = 1;
}

#endif // SNNC_TARGETS_AKIDA_OPS_TD
