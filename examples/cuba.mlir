// The Vogels-Abbott (2005) current-based benchmark network (CUBA), as in
// Brette et al. (2007) benchmark 2 and Brian2's example: 4000 LIF neurons,
// 3200 excitatory and 800 inhibitory, random connections with probability 2%,
// generated from seeds and never stored.
//
// Brian's model: tau_m dv/dt = (g_e + g_i - (v - E_L)), tau_m = 20 ms,
// E_L = -49 mV, V_t = -50 mV, V_r = -60 mV, refractory 5 ms; the synaptic
// traces decay with tau_e = 5 ms and tau_i = 10 ms and jump by 1.62 mV and
// -9 mV per presynaptic spike. Initial v uniform in [V_r, V_t].
//
// The two traces of each population are leaky integrators (snn.li, read in
// mV through r = 1 MOhm) that feed the membrane. An input spike is held for
// one step, so the jump per spike is (1 - exp(-dt/tau)) * r * w: at the
// network's dt = 0.1 ms, w_e = 1.62 / (1 - exp(-0.1/5)) = 81.8127 nA and
// w_i = -9 / (1 - exp(-0.1/10)) = -904.5075 nA give Brian's jumps exactly.
snn.network @cuba() -> (!snn.spikes<3200>, !snn.spikes<800>)
    attributes {dt = #snn.q<0.1 ms>} {
  %ge_exc = snn.li(%ee) {tau = #snn.q<5 ms>} : (!snn.current<3200>) -> !snn.current<3200>
  %gi_exc = snn.li(%ie) {tau = #snn.q<10 ms>} : (!snn.current<3200>) -> !snn.current<3200>
  %ge_inh = snn.li(%ei) {tau = #snn.q<5 ms>} : (!snn.current<800>) -> !snn.current<800>
  %gi_inh = snn.li(%ii) {tau = #snn.q<10 ms>} : (!snn.current<800>) -> !snn.current<800>

  %exc = snn.lif(%ge_exc, %gi_exc) {tau = #snn.q<20 ms>, v_leak = #snn.q<-49 mV>,
      v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>,
      refractory = #snn.q<5 ms>,
      init = {v = #snn.dist<uniform(-60, -50) mV>}, seed = 21}
      : (!snn.current<3200>, !snn.current<3200>) -> !snn.spikes<3200>
  %inh = snn.lif(%ge_inh, %gi_inh) {tau = #snn.q<20 ms>, v_leak = #snn.q<-49 mV>,
      v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>,
      refractory = #snn.q<5 ms>,
      init = {v = #snn.dist<uniform(-60, -50) mV>}, seed = 22}
      : (!snn.current<800>, !snn.current<800>) -> !snn.spikes<800>

  %ee = snn.procedural %exc {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 1, weight = #snn.dist<constant(81.8127) nA>}
      : !snn.spikes<3200> -> !snn.current<3200>
  %ei = snn.procedural %exc {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 2, weight = #snn.dist<constant(81.8127) nA>}
      : !snn.spikes<3200> -> !snn.current<800>
  %ie = snn.procedural %inh {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 3, weight = #snn.dist<constant(-904.5075) nA>}
      : !snn.spikes<800> -> !snn.current<3200>
  %ii = snn.procedural %inh {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 4, weight = #snn.dist<constant(-904.5075) nA>}
      : !snn.spikes<800> -> !snn.current<800>

  snn.output %exc, %inh : !snn.spikes<3200>, !snn.spikes<800>
}
