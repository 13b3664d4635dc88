snn.network @cond(%in: !snn.current<2>) -> !snn.spikes<2> {
  %s = snn.cond_lif(%in) {c_m = #snn.q<200 pF>, g_leak = #snn.q<10 nS>, e_leak = #snn.q<-60 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>, tau_syn = #snn.q<[5, 10] ms>, e_rev = #snn.q<[0, -80] mV>, input_channels = array<i64: 0>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
