snn.network @a(%in: !snn.current<2>) attributes {dt = #snn.q<1 ms>} {
  snn.output
}
snn.network @b(%in: !snn.current<2>) attributes {dt = #snn.q<1 ms>} {
  snn.output
}
