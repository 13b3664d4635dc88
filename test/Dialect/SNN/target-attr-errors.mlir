// RUN: snnc-opt %s --split-input-file --verify-diagnostics

// snn.quant holds a target's number formats (an attribute implementing
// NumberFormatAttrInterface) and snn.target an #snn.target; the formats
// themselves are checked by their target's dialect
// (test/Target/Loihi2/format-errors.mlir).
snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has an 'snn.quant' that is not a target's number format (an attribute implementing NumberFormatAttrInterface)}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = {format = "loihi3"}} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has an 'snn.quant' that is not a target's number format (an attribute implementing NumberFormatAttrInterface)}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = {weight_exp = 0}} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has an 'snn.quant' that is not a target's number format (an attribute implementing NumberFormatAttrInterface)}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = 3} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

module attributes {snn.target = "loihi2"} {
// expected-error @-1 {{has an 'snn.target' that is not an #snn.target}}
}

// -----

// expected-error @+1 {{#snn.target needs a backend, a chip or both}}
module attributes {snn.target = #snn.target<>} {
}

// -----

// A target with a chip, a backend and options round-trips.
module attributes {snn.target = #snn.target<backend = "loihi2", chip = "loihi2", options = {version = 2 : i64}>} {
}
