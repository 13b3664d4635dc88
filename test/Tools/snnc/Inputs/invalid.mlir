// A model with a unit error.
snn.network @net(%in: !snn.current<2>) -> !snn.spikes<2> {
  // tau in millivolts
  %s = snn.lif(%in) {tau = #snn.q<10 mV>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
