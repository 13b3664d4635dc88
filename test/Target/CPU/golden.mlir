// RUN: snnc %s --target=cpu -o %t.snnx
// RUN: snn-run %t.snnx --dump | FileCheck %s

// The image of a small recurrent network: nodes in evaluation order, the
// recurrent input of the population read from the previous step (mode 1),
// the delay that closes the second loop read at the end of the step (mode 2).

// CHECK-LABEL: record 0: network
// CHECK-NEXT:   dt: f64[1] 0.5
// CHECK-NEXT:   name: u8[5] "recur"
// CHECK-NEXT:   outputs: i64[1] 2
// CHECK-LABEL: record 1: input
// CHECK:        shape: i64[1] 3
// CHECK-NEXT:   stream: u8[6] "spikes"
// CHECK-LABEL: record 2: linear
// CHECK-NEXT:   delayed: i64[1] 0
// CHECK-NEXT:   inputs: i64[1] 0
// CHECK:        weight: f32[6] 1 0 0.5 0 1 0.25
// CHECK-LABEL: record 3: lif
// CHECK:        c.alpha: f64[1] 0.975309912
// CHECK-NEXT:   c.gain: f64[1] 0.024690088
// CHECK-NEXT:   c.refractory_steps: f64[1] 4
// CHECK-NEXT:   delayed: i64[3] 0 1 1
// CHECK-NEXT:   init.v: f64[1] -65
// CHECK-NEXT:   inputs: i64[3] 1 3 4
// CHECK:        reset: i64[1] 1
// CHECK:        tau: f64[1] 20
// CHECK:        v_leak: f64[1] -65
// CHECK-NEXT:   v_reset: f64[1] -70
// CHECK-NEXT:   v_threshold: f64[1] -50
// CHECK-LABEL: record 4: sparse
// CHECK:        cols: i64[2] 1 0
// CHECK-NEXT:   delayed: i64[1] 0
// CHECK-NEXT:   format: i64[1] 1
// CHECK-NEXT:   inputs: i64[1] 2
// CHECK:        rows: i64[2] 0 1
// CHECK:        weights: f32[2] 2 -3
// CHECK-LABEL: record 5: delay
// CHECK-NEXT:   delayed: i64[1] 2
// CHECK-NEXT:   inputs: i64[1] 5
// CHECK:        steps: i64[2] 2 4
// CHECK-LABEL: record 6: procedural
// CHECK-NEXT:   allow_autapses: i64[1] 1
// CHECK-NEXT:   connector: i64[1] 2
// CHECK-NEXT:   delayed: i64[1] 0
// CHECK-NEXT:   inputs: i64[1] 2
// CHECK:        seed: i64[1] 4
// CHECK:        weight: f64[3] 3 -1 0.5
// CHECK-LABEL: record 7: probe
// CHECK-NEXT:   name: u8[1] "v"
// CHECK-NEXT:   source: i64[1] 2
// CHECK-NEXT:   state: u8[1] "v"
snn.network @recur(%in: !snn.spikes<3>) -> !snn.spikes<2>
    attributes {dt = #snn.q<0.5 ms>} {
  %i = snn.linear %in {weight = dense<[[1.0, 0.0, 0.5], [0.0, 1.0, 0.25]]> : tensor<2x3xf32>}
      : !snn.spikes<3> -> !snn.current<2>
  %s = snn.lif(%i, %r, %d) {tau = #snn.q<20 ms>, v_leak = #snn.q<-65 mV>,
      v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-70 mV>,
      reset = #snn.reset<subtract>, refractory = #snn.q<2 ms>,
      init = {v = #snn.q<-65 mV>}}
      : (!snn.current<2>, !snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  %r = snn.sparse %s {format = #snn.format<coo>, rows = dense<[0, 1]> : tensor<2xi32>,
      cols = dense<[1, 0]> : tensor<2xi32>, weights = dense<[2.0, -3.0]> : tensor<2xf32>}
      : !snn.spikes<2> -> !snn.current<2>
  %d = snn.delay %p {delay = #snn.q<[1, 2] ms>} : !snn.current<2> -> !snn.current<2>
  %p = snn.procedural %s {connector = #snn.connector<one_to_one>, seed = 4,
      weight = #snn.dist<lognormal(-1, 0.5) nA>} : !snn.spikes<2> -> !snn.current<2>
  snn.probe "v" %s {state = "v"} : !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
