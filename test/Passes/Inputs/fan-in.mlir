snn.network @fan_in(%in: !snn.current<5000>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  %a = snn.lif(%in) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<5000>) -> !snn.spikes<5000>
  %i = snn.linear %a {weight = dense<0.1> : tensor<4x5000xf32>} : !snn.spikes<5000> -> !snn.current<4>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}
