// A fake format out of its range: the fake dialect's verifier refuses it,
// called by the snn dialect through NumberFormatAttrInterface.
snn.network @bad(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #fake.format<bits = 9, step = 1.0 : f64>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
