snn.network @net(%in: !snn.current<2>) -> !snn.spikes<2> {
  %s = snn.if(%in) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
