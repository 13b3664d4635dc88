// RUN: rm -rf %t && snnc %s --target=loihi2 -o %t
// RUN: FileCheck %s < %t/golden.json
// RUN: FileCheck %s --check-prefix=REPORT < %t/golden.report.txt
// The same model gives the same bytes.
// RUN: rm -rf %t.again && snnc %s --target=loihi2 -o %t.again && cmp %t/golden.json %t.again/golden.json

// Every process kind the target emits, on small numbers worked by hand.
// hidden: IF (gain 1 mV/nA), threshold 1 mV -> S = 262144 per mV,
// vth = 4096; a 0.25 nA weight is 262144 / 64 * 0.25 = 1024 activation
// units = 128 << 3, and 0.5 nA = 2048 = 256 << 3 needs exponent 4: 128.
// Its bias 0.1 nA (affine) is 26214.4 -> 3277 << 3 = 26216. lif_6 (tau
// 10 ms): 0.5 nA is 2^18 (1 - e^-0.1) / 64 * 0.5 = 194.9 -> -195 at
// exponent 0 (INHIBITORY, odd allowed), 0.25 nA -> -97. The readout LI
// (no threshold) takes the scale at which its 0.5 nA weights are 254.
snn.network @golden(%in: !snn.spikes<2x2x2>) -> (!snn.spikes<3>, !snn.spikes<2x3x1>, !snn.current<3>)
    attributes {dt = #snn.q<1 ms>} {
  %flat = snn.flatten %in : !snn.spikes<2x2x2> -> !snn.spikes<8>
  %a = snn.affine %flat {weight = dense<[[0.25, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5]]> : tensor<3x8xf32>,
      bias = dense<[0.1, 0.0, 0.0]> : tensor<3xf32>} : !snn.spikes<8> -> !snn.current<3>
  %h = snn.if(%a) {v_threshold = #snn.q<1 mV>} : (!snn.current<3>) -> !snn.spikes<3>
  %d = snn.delay %h {delay = #snn.q<2 ms>} : !snn.spikes<3> -> !snn.spikes<3>
  %s = snn.sparse %d {format = #snn.format<coo>, rows = dense<[0, 1]> : tensor<2xi64>,
      cols = dense<[2, 0]> : tensor<2xi64>, weights = dense<[-0.5, -0.25]> : tensor<2xf32>}
      : !snn.spikes<3> -> !snn.current<3>
  %h2 = snn.lif(%s) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<3>) -> !snn.spikes<3>
  %c = snn.conv2d %in {weight = dense<[[[[1.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 2.0]]], [[[0.0, 0.5], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]]]> : tensor<2x2x2x2xf32>,
      stride = array<i64: 1, 1>, padding = array<i64: 1, 0>, dilation = array<i64: 1, 1>, groups = 1}
      : !snn.spikes<2x2x2> -> !snn.current<2x3x1>
  %cv = snn.if(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x3x1>) -> !snn.spikes<2x3x1>
  %o = snn.procedural %h2 {connector = #snn.connector<one_to_one>, seed = 1,
      weight = #snn.dist<constant(0.5) nA>} : !snn.spikes<3> -> !snn.current<3>
  %out = snn.li(%o) {tau = #snn.q<5 ms>} : (!snn.current<3>) -> !snn.current<3>
  snn.probe "hidden.v" %h {state = "v"} : !snn.spikes<3>
  snn.probe "readout" %out : !snn.current<3>
  snn.output %h2, %cv, %out : !snn.spikes<3>, !snn.spikes<2x3x1>, !snn.current<3>
}

// CHECK:      {
// CHECK-NEXT:  "compiler": "snnc {{[0-9.]+}}",
// CHECK-NEXT:  "connections": [
// CHECK-NEXT:   {
// CHECK-NEXT:    "from": ["input_0", "s_out"],
// CHECK-NEXT:    "to": ["affine_2", "s_in"]
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:    "from": ["affine_2", "a_out"],
// CHECK-NEXT:    "to": ["if_3", "a_in"]
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:    "from": ["if_3", "s_out"],
// CHECK-NEXT:    "to": ["sparse_5", "s_in"]
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:    "from": ["sparse_5", "a_out"],
// CHECK-NEXT:    "to": ["lif_6", "a_in"]
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:    "from": ["input_0", "s_out"],
// CHECK-NEXT:    "to": ["conv2d_7", "s_in"],
// CHECK-NEXT:    "view": [
// CHECK-NEXT:     {
// CHECK-NEXT:      "reshape": [2, 2, 2]
// CHECK-NEXT:     },
// CHECK-NEXT:     {
// CHECK-NEXT:      "transpose": [2, 1, 0]
// CHECK-NEXT:     }
// CHECK-NEXT:    ]
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:    "from": ["conv2d_7", "a_out"],
// CHECK-NEXT:    "to": ["if_8", "a_in"],
// CHECK-NEXT:    "view": [
// CHECK-NEXT:     {
// CHECK-NEXT:      "transpose": [2, 1, 0]
// CHECK-NEXT:     },
// CHECK-NEXT:     {
// CHECK-NEXT:      "reshape": [6]
// CHECK-NEXT:     }
// CHECK-NEXT:    ]
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:    "from": ["lif_6", "s_out"],
// CHECK-NEXT:    "to": ["procedural_9", "s_in"]
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:    "from": ["procedural_9", "a_out"],
// CHECK-NEXT:    "to": ["li_10", "a_in"]
// CHECK-NEXT:   }
// CHECK-NEXT:  ],
// CHECK-NEXT:  "dt_ms": 1,
// CHECK-NEXT:  "format": "snnc-loihi2",
// CHECK-NEXT:  "mapping": {
// CHECK-NEXT:   "chips": 1,
// CHECK-NEXT:   "core_positions": [
// CHECK-NEXT:    [0, 0, 0]
// CHECK-NEXT:   ],
// CHECK:       "model": "golden",
// CHECK-NEXT:  "outputs": ["lif_6", "if_8"],
// CHECK-NEXT:  "probes": [
// CHECK-NEXT:   {
// CHECK-NEXT:    "name": "output_2",
// CHECK-NEXT:    "process": "li_10",
// CHECK-NEXT:    "var": "v"
// CHECK:       "name": "hidden.v",
// CHECK-NEXT:    "process": "if_3",
// CHECK-NEXT:    "var": "v"
// CHECK:       "name": "readout",
// CHECK-NEXT:    "process": "li_10"
// CHECK:       "processes": [
// CHECK-NEXT:   {
// CHECK-NEXT:    "class": "RingBuffer",
// CHECK-NEXT:    "input": 0,
// CHECK-NEXT:    "name": "input_0",
// CHECK-NEXT:    "params": {
// CHECK-NEXT:     "num_message_bits": 0
// CHECK-NEXT:    },
// CHECK-NEXT:    "shape": [8],
// CHECK:        "class": "LIF",
// CHECK-NEXT:    "cores": [
// CHECK-NEXT:     [0, 3, 0]
// CHECK-NEXT:    ],
// CHECK-NEXT:    "name": "if_3",
// CHECK-NEXT:    "params": {
// CHECK-NEXT:     "bias_exp": [3, 0, 0],
// CHECK-NEXT:     "bias_mant": [3277, 0, 0],
// CHECK-NEXT:     "du": 4095,
// CHECK-NEXT:     "dv": 0,
// CHECK-NEXT:     "u": 0,
// CHECK-NEXT:     "v": 0,
// CHECK-NEXT:     "vth": 4096
// CHECK-NEXT:    },
// CHECK-NEXT:    "shape": [3],
// CHECK-NEXT:    "snn": {
// CHECK-NEXT:     "op": "snn.if",
// CHECK-NEXT:     "scale_per_mV": 262144,
// CHECK-NEXT:     "shape": [3],
// CHECK-NEXT:     "spiking": true,
// CHECK-NEXT:     "v_offset_mV": 0
// CHECK:        "name": "lif_6",
// CHECK:        "dv": 390,
// CHECK:        "name": "if_8",
// CHECK:        "vth": 127
// CHECK:        "shape": [6],
// CHECK:        "snn": {
// CHECK-NEXT:     "op": "snn.if",
// CHECK:          "shape": [2, 3, 1],
// CHECK:        "name": "li_10",
// CHECK:        "vth": 131071
// CHECK:        "class": "Dense",
// CHECK-NEXT:    "name": "affine_2",
// CHECK-NEXT:    "params": {
// CHECK-NEXT:     "num_message_bits": 0,
// CHECK-NEXT:     "num_weight_bits": 8,
// CHECK-NEXT:     "sign_mode": 2,
// CHECK-NEXT:     "weight_exp": 4,
// CHECK-NEXT:     "weights": [
// CHECK-NEXT:      [64, 128, 0, 0, 0, 0, 0, 0],
// CHECK-NEXT:      [0, 0, 64, 0, 0, 0, 0, 0],
// CHECK-NEXT:      [0, 0, 0, 0, 0, 0, 0, 128]
// CHECK-NEXT:     ]
// CHECK-NEXT:    },
// CHECK-NEXT:    "shape": [3, 8]
// CHECK:        "class": "DelaySparse",
// CHECK-NEXT:    "name": "sparse_5",
// CHECK-NEXT:    "params": {
// CHECK-NEXT:     "delays": [2, 2],
// CHECK-NEXT:     "num_message_bits": 0,
// CHECK-NEXT:     "num_weight_bits": 8,
// CHECK-NEXT:     "sign_mode": 3,
// CHECK-NEXT:     "weight_exp": 0,
// CHECK-NEXT:     "weights": {
// CHECK-NEXT:      "cols": [2, 0],
// CHECK-NEXT:      "rows": [0, 1],
// CHECK-NEXT:      "shape": [3, 3],
// CHECK-NEXT:      "values": [-195, -97]
// Lava's kernel is (C_out, W, H, C_in), spatially flipped: our [o][i][y][x]
// = w_lava[o][Kw-1-x][Kh-1-y][i]; the input (C, H, W) = (2, 2, 2) is
// (W, H, C) = (2, 2, 2) to Lava and the padding (1, 0) becomes (0, 1).
// The largest kernel weight (2 nA) brings the target's scale down to
// 254 * 64 / 2 = 8128 per mV (Conv has no exponent): 2 -> 254, 1 -> 127,
// 0.5 -> 64 (63.5 rounded to even), and its vth = 8128 / 64 = 127.
// CHECK:        "class": "Conv",
// CHECK-NEXT:    "name": "conv2d_7",
// CHECK-NEXT:    "params": {
// CHECK-NEXT:     "dilation": [1, 1],
// CHECK-NEXT:     "groups": 1,
// CHECK-NEXT:     "input_shape": [2, 2, 2],
// CHECK-NEXT:     "padding": [0, 1],
// CHECK-NEXT:     "stride": [1, 1],
// CHECK-NEXT:     "use_graded_spike": false,
// CHECK-NEXT:     "weight": [
// CHECK-NEXT:      [
// CHECK-NEXT:       [
// CHECK-NEXT:        [0, 254],
// CHECK-NEXT:        [0, 0]
// CHECK-NEXT:       ],
// CHECK-NEXT:       [
// CHECK-NEXT:        [0, 0],
// CHECK-NEXT:        [127, 0]
// CHECK-NEXT:       ]
// CHECK-NEXT:      ],
// CHECK-NEXT:      [
// CHECK-NEXT:       [
// CHECK-NEXT:        [0, 0],
// CHECK-NEXT:        [64, 0]
// CHECK-NEXT:       ],
// CHECK-NEXT:       [
// CHECK-NEXT:        [0, 0],
// CHECK-NEXT:        [0, 0]
// CHECK-NEXT:       ]
// CHECK-NEXT:      ]
// CHECK-NEXT:     ]
// CHECK-NEXT:    },
// CHECK-NEXT:    "shape": [1, 3, 2]
// CHECK:        "class": "Sparse",
// CHECK-NEXT:    "name": "procedural_9",
// CHECK:         "weights": {
// CHECK-NEXT:      "cols": [0, 1, 2],
// CHECK-NEXT:      "rows": [0, 1, 2],
// CHECK-NEXT:      "shape": [3, 3],
// CHECK-NEXT:      "values": [254, 254, 254]
// CHECK:       "version": 1
// CHECK-NEXT: }

// REPORT: resource report: network 'golden' on loihi2
// REPORT: cores                1 used, lower bound 1
