//===- Passes.td - the Akida target's passes ---------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_AKIDA_PASSES_TD
#define SNNC_TARGETS_AKIDA_PASSES_TD

include "mlir/Pass/PassBase.td"

def AkidaLegalize : Pass<"akida-legalize", "::mlir::ModuleOp"> {
  let summary = "legalizes a discretized snn network into Akida 1.0 layers";
  let description = [{
    Builds, beside the `snn.network`, the `akida.model` that runs it
    (docs/targets/akida.md): each connection (`conv2d`; a depthwise
    `conv2d` with the 1x1 `conv2d` it feeds, regrouped into one
    SeparableConvolutional; `linear`/`affine` behind a flatten) with its
    pooling (`max_pool2d`, a global `avg_pool2d`) and its activation
    (`snn.qrelu` of 1, 2 or 4 bits, `snn.threshold`) becomes one MetaTF
    layer; the first is an InputConvolutional when the network reads 8-bit
    graded spikes, else the model starts with InputData. Weights become
    integers at the smallest `weights_bits` the layer allows that holds them
    exactly, else at the largest, rounded; the activation becomes Akida's
    `threshold` and `act_step`. Every documented limit is checked, with a
    diagnostic naming the layer, the limit and the value; the measured
    errors are written as `snn.quant_error` on the connection.
  }];
  let dependentDialects = ["::snnc::akida::AkidaDialect"];
  let statistics = [
    Statistic<"numLayers", "layers", "Akida layers built">,
    Statistic<"numInexact", "inexact-layers",
              "Layers whose weights or activation are not exact">,
  ];
}

def AkidaMap : Pass<"akida-map", "::mlir::ModuleOp"> {
  let summary = "counts the neural processors each Akida layer takes";
  let description = [{
    Writes `nps` and `np_type` on every `akida.layer` by the NP model of the
    chip description (docs/targets/akida.md), in MetaTF's map mode
    `map-mode` (`all-nps`, MetaTF's default: as many NPs as speed the
    model up without adding sequences, or `minimal`), and warns of a model
    that needs more NPs than the device has (the devices it takes).
  }];
  let options = [
    Option<"mapMode", "map-mode", "std::string", /*default=*/"\"all-nps\"",
           "MetaTF's map mode: minimal or all-nps">,
  ];
  let dependentDialects = ["::snnc::akida::AkidaDialect"];
  let statistics = [
    Statistic<"numNPs", "nps", "Neural processors taken">,
  ];
}

#endif // SNNC_TARGETS_AKIDA_PASSES_TD
