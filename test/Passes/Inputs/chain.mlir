// Four populations on a chain with a loop back, for the partitioner.
snn.network @chain(%in: !snn.spikes<600>) -> !snn.spikes<600> attributes {dt = #snn.q<1 ms>} {
  %a = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<600> -> !snn.current<600>
  %s1 = snn.lif(%a) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<600>) -> !snn.spikes<600>
  %b = snn.procedural %s1 {connector = #snn.connector<one_to_one>, seed = 2, weight = #snn.dist<constant(1)>} : !snn.spikes<600> -> !snn.current<600>
  %s2 = snn.lif(%b) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<600>) -> !snn.spikes<600>
  %c = snn.procedural %s2 {connector = #snn.connector<fixed_probability>, probability = 0.2, seed = 5, weight = #snn.dist<constant(1)>} : !snn.spikes<600> -> !snn.current<40>
  %s3 = snn.lif(%c) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<40>) -> !snn.spikes<40>
  %d = snn.procedural %s3 {connector = #snn.connector<fixed_probability>, probability = 0.5, seed = 3, weight = #snn.dist<constant(1)>} : !snn.spikes<40> -> !snn.current<600>
  %s4 = snn.lif(%d, %b) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<600>, !snn.current<600>) -> !snn.spikes<600>
  snn.output %s4 : !snn.spikes<600>
}
