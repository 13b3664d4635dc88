snn.network @net(%in: !snn.current<2>) -> !snn.current<2> {
  %d = snn.delay %in {delay = #snn.q<0.15 ms>} : !snn.current<2> -> !snn.current<2>
  snn.output %d : !snn.current<2>
}
