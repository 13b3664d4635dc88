// A population of 20 Hodgkin-Huxley neurons with the classic squid-axon
// densities on a 20,000 um^2 membrane (C = 1 uF/cm^2, g_Na = 120, g_K = 36,
// g_L = 0.3 mS/cm^2), each with its own bias current from 0 to 1.9 nA: a
// sweep across the threshold current (about 1.3 nA for this area). The input
// stream adds a common current on top.
snn.network @hh_population(%drive: !snn.current<20>) -> !snn.spikes<20>
    attributes {dt = #snn.q<0.01 ms>} {
  %s = snn.hh(%drive) {c_m = #snn.q<0.2 nF>, g_na = #snn.q<24 uS>,
      g_k = #snn.q<7.2 uS>, g_leak = #snn.q<0.06 uS>, e_na = #snn.q<50 mV>,
      e_k = #snn.q<-77 mV>, e_leak = #snn.q<-54.387 mV>,
      v_threshold = #snn.q<0 mV>,
      bias = #snn.q<[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1,
                     1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9] nA>,
      init = {v = #snn.q<-65 mV>, m = #snn.q<0.0529>, h = #snn.q<0.5961>,
              n = #snn.q<0.3177>}}
      : (!snn.current<20>) -> !snn.spikes<20>
  snn.probe "v" %s {state = "v"} : !snn.spikes<20>
  snn.output %s : !snn.spikes<20>
}
