// One strong and ten faint inputs: TrueNorth's weights cannot hold both.
snn.network @lossy(%in: !snn.spikes<11>) -> !snn.spikes<1> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[40.0, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]]> : tensor<1x11xf32>}
      : !snn.spikes<11> -> !snn.current<1>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %s : !snn.spikes<1>
}
