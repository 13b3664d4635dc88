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

// -----

snn.network @linear_rank(%in: !snn.spikes<4>) {
  // expected-error @+1 {{weight must be a matrix [outputs, inputs], got shape 4}}
  %c = snn.linear %in {weight = dense<1.0> : tensor<4xf32>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @linear_input(%in: !snn.spikes<5>) {
  // expected-error @+1 {{input must have shape 4, got 5}}
  %c = snn.linear %in {weight = dense<1.0> : tensor<3x4xf32>} : !snn.spikes<5> -> !snn.current<3>
  snn.output
}

// -----

snn.network @linear_output(%in: !snn.spikes<4>) {
  // expected-error @+1 {{output must have shape 3, got 2}}
  %c = snn.linear %in {weight = dense<1.0> : tensor<3x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output
}

// -----

snn.network @linear_int(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'weight' must hold floating-point values, got 'i32'}}
  %c = snn.linear %in {weight = dense<1> : tensor<3x4xi32>} : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @linear_spikes(%in: !snn.spikes<4>) {
  // expected-error @+1 {{produces a current stream, got '!snn.spikes<3>'}}
  %c = snn.linear %in {weight = dense<1.0> : tensor<3x4xf32>} : !snn.spikes<4> -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @affine_bias(%in: !snn.spikes<4>) {
  // expected-error @+1 {{bias must have shape 3, got 4}}
  %c = snn.affine %in {weight = dense<1.0> : tensor<3x4xf32>, bias = dense<0.0> : tensor<4xf32>} : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @conv_input_rank(%in: !snn.spikes<8x8>) {
  // expected-error @+1 {{input must have 3 dimensions [channels, ...], got 8x8}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<8x8> -> !snn.current<2x6x6>
  snn.output
}

// -----

snn.network @conv_weight_rank(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{weight must have 4 dimensions [out, in/groups, ...], got 2x3x3}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<2x6x6>
  snn.output
}

// -----

snn.network @conv_groups(%in: !snn.spikes<3x8x8>) {
  // expected-error @+1 {{'groups' = 2 must divide the input channels (3) and the output channels (4)}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<4x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 2} : !snn.spikes<3x8x8> -> !snn.current<4x6x6>
  snn.output
}

// -----

snn.network @conv_groups_zero(%in: !snn.spikes<2x8x8>) {
  // expected-error @+1 {{'groups' must be >= 1, got 0}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 0} : !snn.spikes<2x8x8> -> !snn.current<4x6x6>
  snn.output
}

// -----

snn.network @conv_channels(%in: !snn.spikes<3x8x8>) {
  // expected-error @+1 {{weight expects 2 input channels, got 3}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<3x8x8> -> !snn.current<4x6x6>
  snn.output
}

// -----

snn.network @conv_stride(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'stride' must be in 1..16777216, got 0}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 0, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<2x6x6>
  snn.output
}

// -----

snn.network @conv_padding(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'padding' needs 2 value(s), or 4 (all before, then all after), got 1}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<2x6x6>
  snn.output
}

// -----

snn.network @conv_dilation(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'dilation' must be in 1..16777216, got 0}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 0, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<2x6x6>
  snn.output
}

// -----

snn.network @conv_fit(%in: !snn.spikes<1x2x8>) {
  // expected-error @+1 {{kernel of extent 3 does not fit input dimension 1 of size 2 with padding 0}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x2x8> -> !snn.current<2x1x6>
  snn.output
}

// -----

snn.network @conv_output(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{output must have shape 2x6x6, got 2x8x8}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<2x8x8>
  snn.output
}

// -----

snn.network @conv_bias(%in: !snn.spikes<1x8>) {
  // expected-error @+1 {{bias must have shape 2, got 3}}
  %c = snn.conv1d %in {weight = dense<1.0> : tensor<2x1x3xf32>, bias = dense<0.0> : tensor<3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1} : !snn.spikes<1x8> -> !snn.current<2x6>
  snn.output
}

// -----

snn.network @pool_rank(%in: !snn.spikes<8x8>) {
  // expected-error @+1 {{input must have 3 dimensions [channels, height, width], got 8x8}}
  %p = snn.sum_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<8x8> -> !snn.current<4x4>
  snn.output
}

// -----

snn.network @pool_kernel(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'kernel_size' must be in 1..16777216, got 0}}
  %p = snn.avg_pool2d %in {kernel_size = array<i64: 0, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x8x8> -> !snn.current<1x4x4>
  snn.output
}

// -----

snn.network @pool_kernel_size(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'kernel_size' needs 2 values, got 3}}
  %p = snn.avg_pool2d %in {kernel_size = array<i64: 2, 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x8x8> -> !snn.current<1x4x4>
  snn.output
}

// -----

snn.network @pool_fit(%in: !snn.spikes<1x1x8>) {
  // expected-error @+1 {{pooling window 2 does not fit input dimension 1 of size 1}}
  %p = snn.sum_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x1x8> -> !snn.current<1x1x4>
  snn.output
}

// -----

snn.network @pool_output(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{output must have shape 1x4x4, got 1x8x8}}
  %p = snn.sum_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x8x8> -> !snn.current<1x8x8>
  snn.output
}

// -----

snn.network @flatten_range(%in: !snn.spikes<2x3>) {
  // expected-error @+1 {{dimensions 1..0 are not a range of the input's 2 dimensions}}
  %f = snn.flatten %in {start_dim = 1, end_dim = 0} : !snn.spikes<2x3> -> !snn.spikes<6>
  snn.output
}

// -----

snn.network @flatten_kind(%in: !snn.spikes<2x3>) {
  // expected-error @+1 {{keeps the stream kind: input '!snn.spikes<2x3>', output '!snn.current<6>'}}
  %f = snn.flatten %in : !snn.spikes<2x3> -> !snn.current<6>
  snn.output
}

// -----

snn.network @flatten_payload(%in: !snn.spikes<2x3, graded 4>) {
  // expected-error @+1 {{keeps the spike payload: input '!snn.spikes<2x3, graded 4>', output '!snn.spikes<6>'}}
  %f = snn.flatten %in : !snn.spikes<2x3, graded 4> -> !snn.spikes<6>
  snn.output
}

// -----

snn.network @flatten_shape(%in: !snn.spikes<2x3>) {
  // expected-error @+1 {{output must have shape 6, got 5}}
  %f = snn.flatten %in : !snn.spikes<2x3> -> !snn.spikes<5>
  snn.output
}

// -----

snn.network @scale_shape(%in: !snn.current<4>) {
  // expected-error @+1 {{scale must have one element or the input's shape 4, got 3}}
  %s = snn.scale %in {scale = dense<2.0> : tensor<3xf32>} : !snn.current<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @delay_type(%in: !snn.spikes<4>) {
  // expected-error @+1 {{output type '!snn.current<4>' must equal the input type '!snn.spikes<4>'}}
  %d = snn.delay %in {delay = #snn.q<1 ms>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @delay_negative(%in: !snn.spikes<4>) {
  // expected-error @+1 {{parameter 'delay' must be >= 0, got -1 (element 0)}}
  %d = snn.delay %in {delay = #snn.q<-1 ms>} : !snn.spikes<4> -> !snn.spikes<4>
  snn.output
}

// -----

snn.network @delay_steps(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'steps' has 2 values for 4 elements}}
  %d = snn.delay %in {delay = #snn.q<1 ms>, steps = array<i64: 1, 2>} : !snn.spikes<4> -> !snn.spikes<4>
  snn.output
}

// -----

snn.network @delay_steps_negative(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'steps' must be >= 0, got -1}}
  %d = snn.delay %in {delay = #snn.q<1 ms>, steps = array<i64: -1>} : !snn.spikes<4> -> !snn.spikes<4>
  snn.output
}

// -----

snn.network @sparse_index_type(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'rows' must hold integers, got 'f32'}}
  %s = snn.sparse %in {format = #snn.format<coo>, rows = dense<[0.0]> : tensor<1xf32>, cols = dense<[0]> : tensor<1xi32>, weights = dense<[1.0]> : tensor<1xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output
}

// -----

snn.network @sparse_rank(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'rows', 'cols' and 'weights' must be 1-d, got 1x1}}
  %s = snn.sparse %in {format = #snn.format<coo>, rows = dense<[[0]]> : tensor<1x1xi32>, cols = dense<[0]> : tensor<1xi32>, weights = dense<[1.0]> : tensor<1xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output
}

// -----

snn.network @sparse_cols(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'cols' has 2 entries for 1 weights}}
  %s = snn.sparse %in {format = #snn.format<coo>, rows = dense<[0]> : tensor<1xi32>, cols = dense<[0, 1]> : tensor<2xi32>, weights = dense<[1.0]> : tensor<1xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output
}

// -----

snn.network @sparse_csr_rows(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'rows' has 2 entries, expected 3 (outputs + 1 row offsets)}}
  %s = snn.sparse %in {format = #snn.format<csr>, rows = dense<[0, 1]> : tensor<2xi32>, cols = dense<[0]> : tensor<1xi32>, weights = dense<[1.0]> : tensor<1xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output
}

// -----

snn.network @sparse_source(%in: !snn.spikes<4>) {
  // expected-error @+1 {{synapse 0 has source 4 outside the input's 4 elements}}
  %s = snn.sparse %in {format = #snn.format<coo>, rows = dense<[0]> : tensor<1xi32>, cols = dense<[4]> : tensor<1xi32>, weights = dense<[1.0]> : tensor<1xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output
}

// -----

snn.network @sparse_target(%in: !snn.spikes<4>) {
  // expected-error @+1 {{synapse 0 has target 2 outside the output's 2 elements}}
  %s = snn.sparse %in {format = #snn.format<coo>, rows = dense<[2]> : tensor<1xi32>, cols = dense<[0]> : tensor<1xi32>, weights = dense<[1.0]> : tensor<1xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output
}

// -----

snn.network @sparse_csr_ends(%in: !snn.spikes<4>) {
  // expected-error @+1 {{CSR row offsets must run from 0 to 1, got 0 to 2}}
  %s = snn.sparse %in {format = #snn.format<csr>, rows = dense<[0, 1, 2]> : tensor<3xi32>, cols = dense<[0]> : tensor<1xi32>, weights = dense<[1.0]> : tensor<1xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output
}

// -----

snn.network @sparse_csr_order(%in: !snn.spikes<4>) {
  // expected-error @+1 {{CSR row offsets decrease at row 1}}
  %s = snn.sparse %in {format = #snn.format<csr>, rows = dense<[0, 2, 1, 2]> : tensor<4xi32>, cols = dense<[0, 1]> : tensor<2xi32>, weights = dense<[1.0, 1.0]> : tensor<2xf32>} : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @proc_probability_missing(%in: !snn.spikes<4>) {
  // expected-error @+1 {{fixed_probability needs 'probability'}}
  %p = snn.procedural %in {connector = #snn.connector<fixed_probability>, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @proc_probability_range(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'probability' must be in [0, 1], got 1.5}}
  %p = snn.procedural %in {connector = #snn.connector<fixed_probability>, probability = 1.5, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @proc_probability_indegree(%in: !snn.spikes<4>) {
  // expected-error @+1 {{fixed_probability takes no 'indegree'}}
  %p = snn.procedural %in {connector = #snn.connector<fixed_probability>, probability = 0.5, indegree = 2, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @proc_indegree_missing(%in: !snn.spikes<4>) {
  // expected-error @+1 {{fixed_indegree needs 'indegree'}}
  %p = snn.procedural %in {connector = #snn.connector<fixed_indegree>, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @proc_indegree_range(%in: !snn.spikes<4>) {
  // expected-error @+1 {{'indegree' of 5 exceeds the input's 4 sources}}
  %p = snn.procedural %in {connector = #snn.connector<fixed_indegree>, indegree = 5, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @proc_indegree_probability(%in: !snn.spikes<4>) {
  // expected-error @+1 {{fixed_indegree takes no 'probability'}}
  %p = snn.procedural %in {connector = #snn.connector<fixed_indegree>, indegree = 2, probability = 0.5, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @proc_one_to_one(%in: !snn.spikes<4>) {
  // expected-error @+1 {{one_to_one needs as many sources as targets, got 4 and 3}}
  %p = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @proc_one_to_one_params(%in: !snn.spikes<4>) {
  // expected-error @+1 {{one_to_one takes no 'probability' or 'indegree'}}
  %p = snn.procedural %in {connector = #snn.connector<one_to_one>, indegree = 1, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @proc_output(%in: !snn.spikes<4>) {
  // expected-error @+1 {{produces a current stream, got '!snn.spikes<4>'}}
  %p = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<4> -> !snn.spikes<4>
  snn.output
}

// -----

snn.network @blob_size(%in: !snn.spikes<3>) {
  // expected-error @+1 {{'weight' blob 'short' holds 8 bytes but 'tensor<2x3xf32>' needs 24}}
  %o = snn.linear %in {weight = dense_resource<short> : tensor<2x3xf32>} : !snn.spikes<3> -> !snn.current<2>
  snn.output
}

{-#
  dialect_resources: {
    builtin: {
      short: "0x040000000000803F0000803F"
    }
  }
#-}
