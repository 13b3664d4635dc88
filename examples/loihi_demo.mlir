// A network that runs on Loihi 2 as it is (Lava's bit-accurate LIF: reset
// to a value, no refractory period): 1000 Poisson inputs drive 8000
// excitatory and 2000 inhibitory LIF neurons; the inhibitory ones inhibit
// the excitatory ones (10 each), which reach a 50-neuron current-based
// readout through a 3 ms delay. Every connection is generated from a seed
// (about 320,000 synapses); on the loihi2 target they are laid out as
// Sparse synapses. Around 28 Hz in the hidden populations at 20 Hz input.
snn.network @loihi_demo(%in: !snn.spikes<1000>) -> (!snn.spikes<8000>, !snn.spikes<50>)
    attributes {dt = #snn.q<1 ms>} {
  %ie = snn.procedural %in {connector = #snn.connector<fixed_probability>,
      probability = 0.02, seed = 11, weight = #snn.dist<uniform(0.3, 0.7) nA>}
      : !snn.spikes<1000> -> !snn.current<8000>
  %ii = snn.procedural %in {connector = #snn.connector<fixed_probability>,
      probability = 0.01, seed = 12, weight = #snn.dist<uniform(0.3, 0.7) nA>}
      : !snn.spikes<1000> -> !snn.current<2000>
  %inh = snn.lif(%ii) {tau = #snn.q<10 ms>, r = #snn.q<100 MOhm>,
      v_leak = #snn.q<-65 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-65 mV>,
      init = {v = #snn.dist<uniform(-65, -50) mV>}, seed = 3}
      : (!snn.current<2000>) -> !snn.spikes<2000>
  %hi = snn.procedural %inh {connector = #snn.connector<fixed_indegree>,
      indegree = 10, seed = 13, weight = #snn.dist<constant(-0.1) nA>}
      : !snn.spikes<2000> -> !snn.current<8000>
  %exc = snn.lif(%ie, %hi) {tau = #snn.q<20 ms>, r = #snn.q<100 MOhm>,
      v_leak = #snn.q<-65 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-65 mV>,
      init = {v = #snn.dist<uniform(-65, -50) mV>}, seed = 4}
      : (!snn.current<8000>, !snn.current<8000>) -> !snn.spikes<8000>
  %late = snn.delay %exc {delay = #snn.q<3 ms>} : !snn.spikes<8000> -> !snn.spikes<8000>
  %io = snn.procedural %late {connector = #snn.connector<fixed_probability>,
      probability = 0.0025, seed = 14, weight = #snn.dist<uniform(0.1, 0.3) nA>}
      : !snn.spikes<8000> -> !snn.current<50>
  %out = snn.cuba_lif(%io) {tau_syn = #snn.q<5 ms>, tau_mem = #snn.q<20 ms>,
      r = #snn.q<100 MOhm>, v_threshold = #snn.q<10 mV>}
      : (!snn.current<50>) -> !snn.spikes<50>
  snn.probe "exc.v" %exc {state = "v"} : !snn.spikes<8000>
  snn.output %exc, %out : !snn.spikes<8000>, !snn.spikes<50>
}
