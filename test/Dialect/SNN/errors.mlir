// RUN: snnc-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{stream dimensions must be positive, got 0}}
snn.network @zero_dim(%in: !snn.spikes<0>) {
  snn.output
}

// -----

// expected-error @+1 {{graded spike payload of 40 bits exceeds the limit of 32}}
snn.network @payload(%in: !snn.spikes<4, graded 40>) {
  snn.output
}

// -----

// expected-error @+1 {{a graded spike needs a payload of at least 1 bit}}
snn.network @payload0(%in: !snn.spikes<4, graded 0>) {
  snn.output
}

// -----

snn.network @unknown_unit(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{unknown unit 'parsec'}}
  %s = snn.lif(%in) {tau = #snn.q<20 parsec>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @wrong_dimension(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{parameter 'tau' expects time (ms), got voltage (mV)}}
  %s = snn.lif(%in) {tau = #snn.q<20 mV>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @dimensionless_tau(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{parameter 'tau' expects time (ms), got dimensionless}}
  %s = snn.lif(%in) {tau = #snn.q<20>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @negative_tau(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{parameter 'tau' must be > 0, got -5 (element 1)}}
  %s = snn.lif(%in) {tau = #snn.q<[5, -5] ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @negative_conductance(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{parameter 'g_na' must be >= 0, got -1.2 (element 0)}}
  %s = snn.hh(%in) {c_m = #snn.q<10 pF>, g_na = #snn.q<-1.2 uS>, g_k = #snn.q<360 nS>, g_leak = #snn.q<3 nS>, e_na = #snn.q<50 mV>, e_k = #snn.q<-77 mV>, e_leak = #snn.q<-54.4 mV>, v_threshold = #snn.q<0 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @param_size(%in: !snn.current<4>) -> !snn.spikes<4> {
  // expected-error @+1 {{parameter 'tau' has 3 values but the op has 4 neurons}}
  %s = snn.lif(%in) {tau = #snn.q<[5, 6, 7] ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @threshold_below_reset(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{v_threshold (-50 mV) must exceed v_reset (0 mV) for neuron 0}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<-50 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @negative_refractory(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{parameter 'refractory' must be >= 0, got -1 (element 0)}}
  %s = snn.if(%in) {v_threshold = #snn.q<1 mV>, refractory = #snn.q<-1 ms>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @input_shape(%in: !snn.current<3>) -> !snn.spikes<2> {
  // expected-error @+1 {{input #0 has shape 3 but the population has shape 2}}
  %s = snn.if(%in) {v_threshold = #snn.q<1 mV>} : (!snn.current<3>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @graded_lif(%in: !snn.current<2>) -> !snn.spikes<2, graded 4> {
  // expected-error @+1 {{emits binary spikes; the result must not be graded}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2, graded 4>
  snn.output %s : !snn.spikes<2, graded 4>
}

// -----

snn.network @li_spikes(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{result #0 must be current stream}}
  %s = snn.li(%in) {tau = #snn.q<20 ms>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @missing_required(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{requires attribute 'tau'}}
  %s = snn.lif(%in) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @init_unknown_state(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{initial value for 'm', which is not a state variable of 'lif'}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, init = {m = #snn.q<0.1>}} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @init_dimension(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{parameter 'init.v' expects voltage (mV), got current (nA)}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, init = {v = #snn.q<1 nA>}} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @init_dist_dimension(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{initial distribution of 'v' is in time (ms), expected voltage (mV)}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, init = {v = #snn.dist<normal(0, 1) ms>}, seed = 1} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @init_kind(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{initial value of 'v' must be #snn.q or #snn.dist}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, init = {v = 3.0}} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @init_seed(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{a random initial state needs a 'seed' attribute}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, init = {v = #snn.dist<uniform(0, 1) mV>}} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @weight_unit(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  %w = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1, weight = #snn.dist<constant(1) nS>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{input #0 carries weights in conductance (uS) but 'lif' reads its inputs in current (nA)}}
  %s = snn.lif(%w) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @cond_channels(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{'e_rev' has 1 values but 'tau_syn' defines 2 synaptic channels}}
  %s = snn.cond_lif(%in) {c_m = #snn.q<200 pF>, g_leak = #snn.q<10 nS>, e_leak = #snn.q<-60 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>, tau_syn = #snn.q<[5, 10] ms>, e_rev = #snn.q<0 mV>, input_channels = array<i64: 0>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @cond_map_size(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{'input_channels' has 2 entries for 1 inputs}}
  %s = snn.cond_lif(%in) {c_m = #snn.q<200 pF>, g_leak = #snn.q<10 nS>, e_leak = #snn.q<-60 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>, tau_syn = #snn.q<[5, 10] ms>, e_rev = #snn.q<[0, -80] mV>, input_channels = array<i64: 0, 1>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @cond_map_range(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{input #0 targets channel 2 but there are 2 synaptic channels}}
  %s = snn.cond_lif(%in) {c_m = #snn.q<200 pF>, g_leak = #snn.q<10 nS>, e_leak = #snn.q<-60 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>, tau_syn = #snn.q<[5, 10] ms>, e_rev = #snn.q<[0, -80] mV>, input_channels = array<i64: 2>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @sfn_levels(%in: !snn.current<2>) -> !snn.spikes<2, graded 4> {
  // expected-error @+1 {{'levels' must be >= 1, got 0}}
  %s = snn.sfn(%in) {v_threshold = #snn.q<1 mV>, levels = 0} : (!snn.current<2>) -> !snn.spikes<2, graded 4>
  snn.output %s : !snn.spikes<2, graded 4>
}

// -----

snn.network @sfn_payload(%in: !snn.current<2>) -> !snn.spikes<2, graded 2> {
  // expected-error @+1 {{a spike count of up to 4 needs 3 payload bits, the result carries 2}}
  %s = snn.sfn(%in) {v_threshold = #snn.q<1 mV>, levels = 4} : (!snn.current<2>) -> !snn.spikes<2, graded 2>
  snn.output %s : !snn.spikes<2, graded 2>
}

// -----

snn.network @sfn_reset(%in: !snn.current<2>) -> !snn.spikes<2, graded 4> {
  // expected-error @+1 {{resets by subtraction (the time-space equivalence), got reset value}}
  %s = snn.sfn(%in) {v_threshold = #snn.q<1 mV>, levels = 4, reset = #snn.reset<value>} : (!snn.current<2>) -> !snn.spikes<2, graded 4>
  snn.output %s : !snn.spikes<2, graded 4>
}

// -----

// expected-error @+1 {{a normal distribution takes 2 parameter(s), got 1}}
#bad = #snn.dist<normal(1)>

// -----

// expected-error @+1 {{uniform distribution needs low <= high, got 2 > 1}}
#bad = #snn.dist<uniform(2, 1)>

// -----

// expected-error @+1 {{the deviation of a lognormal distribution must be >= 0, got -1}}
#bad = #snn.dist<lognormal(0, -1)>

// -----

// expected-error @+1 {{unknown distribution 'poisson' (constant, uniform, normal, lognormal)}}
#bad = #snn.dist<poisson(1)>

// -----

// expected-error @+1 {{stdp amplitudes must be >= 0, got a_plus = -0.1, a_minus = 0.1}}
#bad = #snn.stdp<a_plus = -0.1, a_minus = 0.1, tau_plus = 20 ms, tau_minus = 20 ms, w_min = 0, w_max = 1>

// -----

// expected-error @+1 {{stdp time constants must be > 0 ms, got tau_plus = 0, tau_minus = 20}}
#bad = #snn.stdp<a_plus = 0.1, a_minus = 0.1, tau_plus = 0 ms, tau_minus = 20 ms, w_min = 0, w_max = 1>

// -----

// expected-error @+1 {{stdp needs w_min <= w_max, got 2 > 1}}
#bad = #snn.stdp<a_plus = 0.1, a_minus = 0.1, tau_plus = 20 ms, tau_minus = 20 ms, w_min = 2, w_max = 1>

// -----

// expected-error @+1 {{'tau_plus' expects time (ms), got voltage (mV)}}
#bad = #snn.stdp<a_plus = 0.1, a_minus = 0.1, tau_plus = 20 mV, tau_minus = 20 ms, w_min = 0, w_max = 1>

// -----

// expected-error @+1 {{unknown integration scheme 'rk4' (exact, euler, exponential_euler)}}
#bad = #snn.step<dt = 0.1 ms, rk4, {}>

// -----

// expected-error @+1 {{a quantity must be finite, got inf}}
#bad = #snn.q<1.0e400 ms>

// -----

// expected-error @+1 {{'dt' must be one positive time, got #snn.q<-1 ms>}}
snn.network @bad_dt(%in: !snn.current<2>) attributes {dt = #snn.q<-1 ms>} {
  snn.output
}

// -----

// expected-error @+1 {{input #0 must be a spike or current stream, got 'f32'}}
snn.network @bad_input(%in: f32) {
  snn.output
}

// -----

snn.network @output_count(%in: !snn.current<2>) -> !snn.current<2> {
  // expected-error @+1 {{returns 0 streams but the network declares 1}}
  snn.output
}

// -----

snn.network @output_type(%in: !snn.current<2>) -> !snn.current<3> {
  // expected-error @+1 {{output #0 has type '!snn.current<2>' but the network declares '!snn.current<3>'}}
  snn.output %in : !snn.current<2>
}

// -----

snn.network @foreign(%in: !snn.current<2>) {
  // expected-error @+1 {{is not an snn operation and cannot appear in a network}}
  %c = builtin.unrealized_conversion_cast %in : !snn.current<2> to !snn.current<2>
  snn.output
}

// -----

snn.network @cycle(%in: !snn.current<2>) -> !snn.current<2> {
  // expected-error @+1 {{lies on a cycle without a neuron population or a delay; every recurrent path needs one}}
  %a = snn.linear %b {weight = dense<1.0> : tensor<2x2xf32>} : !snn.current<2> -> !snn.current<2>
  %b = snn.linear %a {weight = dense<1.0> : tensor<2x2xf32>} : !snn.current<2> -> !snn.current<2>
  snn.output %b : !snn.current<2>
}

// -----

snn.network @probe_dup(%in: !snn.current<2>) {
  snn.probe "x" %in : !snn.current<2>
  // expected-error @+1 {{duplicate probe name 'x'}}
  snn.probe "x" %in : !snn.current<2>
  snn.output
}

// -----

snn.network @probe_empty(%in: !snn.current<2>) {
  // expected-error @+1 {{needs a non-empty name}}
  snn.probe "" %in : !snn.current<2>
  snn.output
}

// -----

snn.network @probe_state_source(%in: !snn.current<2>) {
  // expected-error @+1 {{probes state 'v' but its source is not a neuron population}}
  snn.probe "v" %in {state = "v"} : !snn.current<2>
  snn.output
}

// -----

snn.network @probe_state_name(%in: !snn.current<2>) {
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  // expected-error @+1 {{'lif' has no state variable 'm'}}
  snn.probe "m" %s {state = "m"} : !snn.spikes<2>
  snn.output
}

// -----

snn.network @step_without_dt(%in: !snn.current<2>) {
  // expected-error @+1 {{is discretized but the network has no 'dt'}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, step = #snn.step<dt = 0.1 ms, exact, {alpha = array<f64: 0.9>, gain = array<f64: 0.1>}>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @step_dt(%in: !snn.current<2>) attributes {dt = #snn.q<0.2 ms>} {
  // expected-error @+1 {{was discretized with dt = 0.1 ms but the network's dt is 0.2 ms}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, step = #snn.step<dt = 0.1 ms, exact, {alpha = array<f64: 0.9>, gain = array<f64: 0.1>}>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @step_scheme(%in: !snn.current<2>) attributes {dt = #snn.q<0.1 ms>} {
  // expected-error @+1 {{'hh' cannot be integrated with the exact scheme}}
  %s = snn.hh(%in) {c_m = #snn.q<10 pF>, g_na = #snn.q<1.2 uS>, g_k = #snn.q<360 nS>, g_leak = #snn.q<3 nS>, e_na = #snn.q<50 mV>, e_k = #snn.q<-77 mV>, e_leak = #snn.q<-54.4 mV>, v_threshold = #snn.q<0 mV>, step = #snn.step<dt = 0.1 ms, exact, {}>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @step_missing(%in: !snn.current<2>) attributes {dt = #snn.q<0.1 ms>} {
  // expected-error @+1 {{step lacks the coefficient 'gain' of the exact scheme}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, step = #snn.step<dt = 0.1 ms, exact, {alpha = array<f64: 0.9>}>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @step_size(%in: !snn.current<2>) attributes {dt = #snn.q<0.1 ms>} {
  // expected-error @+1 {{step coefficient 'alpha' has 3 values for 2 neurons}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, step = #snn.step<dt = 0.1 ms, exact, {alpha = array<f64: 0.9, 0.9, 0.9>, gain = array<f64: 0.1>}>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @step_positive(%in: !snn.current<2>) attributes {dt = #snn.q<0.1 ms>} {
  // expected-error @+1 {{step dt must be > 0 ms, got -0.1}}
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, step = #snn.step<dt = -0.1 ms, exact, {alpha = array<f64: 0.9>, gain = array<f64: 0.1>}>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}
