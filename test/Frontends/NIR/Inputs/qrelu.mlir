// A quantized ReLU: NIR has no multi-bit activation.
snn.network @q(%in: !snn.current<4>) -> !snn.spikes<4, graded 2> attributes {dt = #snn.q<1 ms>} {
  %q = snn.qrelu(%in) {v_step = #snn.q<1 mV>, bits = 2} : (!snn.current<4>) -> !snn.spikes<4, graded 2>
  snn.output %q : !snn.spikes<4, graded 2>
}
