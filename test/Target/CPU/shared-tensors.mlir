// RUN: snnc %s --target=cpu -o %t.snnx
// RUN: snn-run %t.snnx --dump | FileCheck %s
// RUN: snn-run %t.snnx --steps 200 --poisson 0=400,2 --spikes %t.shared.csv --quiet
// RUN: %python -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); a=[(e['step'],e['index']) for e in r if e['output']=='0']; b=[(e['step'],e['index']) for e in r if e['output']=='1']; print('columns agree' if a==b and a else 'columns differ', len(a))" %t.shared.csv | FileCheck %s --check-prefix=RUNS

// RUNS: columns agree {{[1-9][0-9]*}}

// Two columns from one template: the image holds their weights once, as a
// tensor record both nodes refer to.
// CHECK:      record 1: tensor
// CHECK-NEXT:   data: f32[6] 1 2 3 4 5 6
// CHECK-NOT:  record {{.*}}: tensor
// CHECK:      record {{.*}}: linear
// CHECK:        weight.ref: i64[1] 0
// CHECK:      record {{.*}}: linear
// CHECK:        weight.ref: i64[1] 0
snn.network @columns(%in: !snn.spikes<3>) -> (!snn.spikes<2>, !snn.spikes<2>)
    attributes {dt = #snn.q<1 ms>} {
  %a = snn.linear %in {weight = dense_resource<column_a> : tensor<2x3xf32>} : !snn.spikes<3> -> !snn.current<2>
  %b = snn.linear %in {weight = dense_resource<column_b> : tensor<2x3xf32>} : !snn.spikes<3> -> !snn.current<2>
  %s = snn.lif(%a) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  %t = snn.lif(%b) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s, %t : !snn.spikes<2>, !snn.spikes<2>
}

{-#
  dialect_resources: {
    builtin: {
      column_a: "0x040000000000803F0000004000004040000080400000A0400000C040",
      column_b: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}
