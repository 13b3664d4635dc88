// One LIF population under a constant current, with the time constant
// written in seconds and the resistance in kOhm to exercise unit conversion.
snn.network @lif(%drive: !snn.current<3>) -> !snn.spikes<3>
    attributes {dt = #snn.q<0.1 ms>} {
  %s = snn.lif(%drive) {tau = #snn.q<0.02 s>, r = #snn.q<2000 kOhm>,
      v_leak = #snn.q<-65 mV>, v_threshold = #snn.q<[100, 100, -60] mV>,
      v_reset = #snn.q<-70 mV>}
      : (!snn.current<3>) -> !snn.spikes<3>
  snn.probe "v" %s {state = "v"} : !snn.spikes<3>
  snn.output %s : !snn.spikes<3>
}
