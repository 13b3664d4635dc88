// A delay of zero steps cannot break a loop of connections.
snn.network @net(%in: !snn.current<2>) -> !snn.current<2> attributes {dt = #snn.q<1 ms>} {
  %a = snn.linear %d {weight = dense<1.0> : tensor<2x2xf32>} : !snn.current<2> -> !snn.current<2>
  %d = snn.delay %a {delay = #snn.q<0 ms>} : !snn.current<2> -> !snn.current<2>
  snn.output %a : !snn.current<2>
}
