// RUN: rm -rf %t && snnc %s --target=truenorth -o %t
// RUN: FileCheck %s < %t/golden.json
// RUN: FileCheck %s --check-prefix=REPORT < %t/golden.report.txt
// The same model gives the same bytes.
// RUN: rm -rf %t.again && snnc %s --target=truenorth -o %t.again && cmp %t/golden.json %t.again/golden.json
// RUN: snnc %s --target=truenorth --emit=target-ir | FileCheck %s --check-prefix=IR

// Input 0 reaches neuron 0 with +0.5 mV and neuron 1 with -0.5 mV, input 1
// reaches neuron 0 with +0.5 mV; thresholds of 1 mV. At 2 units per mV
// every weight is +-1 and alpha is 2: the two signs are two axon types, and
// input 0 drives an axon of each (paired axons).
snn.network @golden(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[0.5, 0.5], [-0.5, 0.0]]> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// CHECK:      "compiler": "snnc {{[0-9.]+}}",
// CHECK:      "core": [
// CHECK-NEXT:  {
// CHECK-NEXT:   "crossbar": {
// CHECK-NEXT:    "name": "xb0"
// CHECK-NEXT:   },
// CHECK-NEXT:   "id": 0,
// CHECK-NEXT:   "neurons": {
// CHECK-NEXT:    "dendrites": ["0:255"],
// CHECK-NEXT:    "destAxons": ["0x256"],
// CHECK-NEXT:    "destCores": ["-1x256"],
// CHECK-NEXT:    "destDelays": ["1x256"],
// CHECK-NEXT:    "types": [0, 0, "-1x254"]
// CHECK-NEXT:   },
// CHECK-NEXT:   "rngSeed": 1,
// CHECK-NEXT:   "timeScaleExponent": 0
// CHECK:      "corelets": [
// CHECK-NEXT:  {
// CHECK-NEXT:   "core": 0,
// CHECK-NEXT:   "neurons": [0, 1],
// CHECK-NEXT:   "op": "snn.if @if_2"
// Axon 0 (input 0, weight -1, type S0) reaches neuron 1; axon 1 (input 0,
// +1, S1) and axon 2 (input 1, +1, S1) reach neuron 0; the other 253 axons
// are unused.
// CHECK:      "crossbarTypes": [
// CHECK:        "synapses": "4000000000000000000000000000000000000000000000000000000000000000",
// CHECK-NEXT:   "type": "S0"
// CHECK:        "synapses": "8000000000000000000000000000000000000000000000000000000000000000",
// CHECK-NEXT:   "type": "S1"
// CHECK:        "synapses": "8000000000000000000000000000000000000000000000000000000000000000",
// CHECK-NEXT:   "type": "S1"
// CHECK:        "synapses": "0000000000000000000000000000000000000000000000000000000000000000",
// CHECK-NEXT:   "type": "S0"
// CHECK:      "dt_ms": 1,
// CHECK-NEXT: "format": "snnc-truenorth",
// CHECK-NEXT: "inputs": [
// CHECK-NEXT:  {
// CHECK-NEXT:   "index": 0,
// CHECK-NEXT:   "shape": [2],
// CHECK-NEXT:   "targets": [
// CHECK-NEXT:    [
// CHECK-NEXT:     [0, 0],
// CHECK-NEXT:     [0, 1]
// CHECK-NEXT:    ],
// CHECK-NEXT:    [
// CHECK-NEXT:     [0, 2]
// CHECK-NEXT:    ]
// CHECK:      "model": {
// CHECK-NEXT:  "coreCount": 1,
// CHECK-NEXT:  "crossbarSize": 256,
// CHECK-NEXT:  "crossbarclass": "CrossbarBinary",
// CHECK-NEXT:  "neuronclass": "NeuronGeneral"
// CHECK-NEXT: },
// CHECK-NEXT: "model_name": "golden",
// V = 2 (v - v_reset) - 1: alpha 2, reset and start at -1 (sigma_VR -1,
// VR 1), saturating at -beta below.
// CHECK-NEXT: "neuronTypes": [
// CHECK-NEXT:  {
// CHECK-NEXT:   "TM": 0,
// CHECK-NEXT:   "V": -1,
// CHECK-NEXT:   "VR": 1,
// CHECK-NEXT:   "alpha": 2,
// CHECK-NEXT:   "b0": false,
// CHECK-NEXT:   "b1": false,
// CHECK-NEXT:   "b2": false,
// CHECK-NEXT:   "b3": false,
// CHECK-NEXT:   "beta": 255,
// CHECK-NEXT:   "c_lambda": false,
// CHECK-NEXT:   "class": "NeuronGeneral",
// CHECK-NEXT:   "epsilon": false,
// CHECK-NEXT:   "gamma": 0,
// CHECK-NEXT:   "kappa": true,
// CHECK-NEXT:   "lambda": 0,
// CHECK-NEXT:   "name": "N00000000",
// CHECK-NEXT:   "s0": 1,
// CHECK-NEXT:   "s1": 1,
// CHECK-NEXT:   "s2": 0,
// CHECK-NEXT:   "s3": 0,
// CHECK-NEXT:   "sigma0": -1,
// CHECK-NEXT:   "sigma1": 1,
// CHECK-NEXT:   "sigma2": 1,
// CHECK-NEXT:   "sigma3": 1,
// CHECK-NEXT:   "sigma_VR": -1,
// CHECK-NEXT:   "sigma_lambda": 1
// CHECK:      "outputs": [
// CHECK-NEXT:  {
// CHECK-NEXT:   "index": 0,
// CHECK-NEXT:   "neurons": [
// CHECK-NEXT:    [0, 0],
// CHECK-NEXT:    [0, 1]
// CHECK-NEXT:   ],
// CHECK-NEXT:   "shape": [2]
// CHECK:      "version": 1

// REPORT: resource report: network 'golden' on truenorth
// REPORT:   target layout        1 cores, lower bound 1; 0 neuron copies for fan-out
// REPORT:   weight_max                        0   linear (line 13)

// IR: module attributes {snn.target = #snn.target<backend = "truenorth", chip = "truenorth">}
// IR: snn.linear {{.*}}snn.quant_error = {weight_max = 0.000000e+00 : f64, weight_rms = 0.000000e+00 : f64}
// IR: tn.program @golden_truenorth attributes {dt_ms = 1.000000e+00 : f64, inputs = {{\[\[\[}}array<i64: 0, 0>, array<i64: 0, 1>], [array<i64: 0, 2>]]], neuron_types = [#tn.neuron<weights = [-1, 1, 0, 0], leak = 0, leak_reversal = false, threshold = 2, negative_threshold = 255, mask_bits = 0, reset_mode = 0, negative_mode = 1, reset = -1, initial = -1>], outputs = {{\[\[}}array<i64: 0, 0>, array<i64: 0, 1>]]}
// IR-NEXT: tn.core {axon_types = array<i64: 0, 1, 1>, crossbar = ["4{{0+}}", "8{{0+}}", "8{{0+}}"], dest_axons = array<i64: -1, -1>, dest_cores = array<i64: -1, -1>, dest_delays = array<i64: 1, 1>, id = 0 : i64, neurons = array<i64: 0, 1>, source = "snn.if @if_2", types = array<i64: 0, 0>}
