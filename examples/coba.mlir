// The Vogels-Abbott (2005) conductance-based benchmark network (COBA), as in
// Brette et al. (2007) benchmark 1 and Brian2's example: 4000 LIF neurons with
// exponential conductances, 3200 excitatory and 800 inhibitory, random
// connections with probability 2% (mean fan-in 80), generated from seeds and
// never stored. No external input: activity is sustained by the random
// initial state.
//
// Brian's parameters, in the dialect's units: C = 200 pF, g_L = 10 nS,
// E_L = -60 mV, E_e = 0 mV, E_i = -80 mV, tau_e = 5 ms, tau_i = 10 ms,
// V_t = -50 mV, V_r = -60 mV, refractory 5 ms; w_e = 0.6 g_L = 6 nS,
// w_i = 6.7 g_L = 67 nS. Initial state: v = E_L + (5 randn - 5) mV,
// g_e = (1.5 randn + 4) g_L, g_i = (12 randn + 20) g_L.
snn.network @coba() -> (!snn.spikes<3200>, !snn.spikes<800>)
    attributes {dt = #snn.q<0.1 ms>} {
  // Channel 0 is excitatory (tau 5 ms, E 0 mV), channel 1 inhibitory.
  %exc = snn.cond_lif(%ee, %ie) {
      c_m = #snn.q<200 pF>, g_leak = #snn.q<10 nS>, e_leak = #snn.q<-60 mV>,
      v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>,
      refractory = #snn.q<5 ms>,
      tau_syn = #snn.q<[5, 10] ms>, e_rev = #snn.q<[0, -80] mV>,
      input_channels = array<i64: 0, 1>,
      init = {v = #snn.dist<normal(-65, 5) mV>,
              g0 = #snn.dist<normal(40, 15) nS>,
              g1 = #snn.dist<normal(200, 120) nS>},
      seed = 11}
      : (!snn.current<3200>, !snn.current<3200>) -> !snn.spikes<3200>
  %inh = snn.cond_lif(%ei, %ii) {
      c_m = #snn.q<200 pF>, g_leak = #snn.q<10 nS>, e_leak = #snn.q<-60 mV>,
      v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>,
      refractory = #snn.q<5 ms>,
      tau_syn = #snn.q<[5, 10] ms>, e_rev = #snn.q<[0, -80] mV>,
      input_channels = array<i64: 0, 1>,
      init = {v = #snn.dist<normal(-65, 5) mV>,
              g0 = #snn.dist<normal(40, 15) nS>,
              g1 = #snn.dist<normal(200, 120) nS>},
      seed = 12}
      : (!snn.current<800>, !snn.current<800>) -> !snn.spikes<800>

  %ee = snn.procedural %exc {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 1, weight = #snn.dist<constant(6) nS>}
      : !snn.spikes<3200> -> !snn.current<3200>
  %ei = snn.procedural %exc {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 2, weight = #snn.dist<constant(6) nS>}
      : !snn.spikes<3200> -> !snn.current<800>
  %ie = snn.procedural %inh {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 3, weight = #snn.dist<constant(67) nS>}
      : !snn.spikes<800> -> !snn.current<3200>
  %ii = snn.procedural %inh {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 4, weight = #snn.dist<constant(67) nS>}
      : !snn.spikes<800> -> !snn.current<800>

  snn.probe "exc.v" %exc {state = "v"} : !snn.spikes<3200>
  snn.output %exc, %inh : !snn.spikes<3200>, !snn.spikes<800>
}
