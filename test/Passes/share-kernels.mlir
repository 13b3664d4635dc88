// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-share-kernels))' | FileCheck %s
// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-share-kernels))' | snnc-opt --pass-pipeline='builtin.module(snn.network(snn-share-kernels))' | FileCheck %s --check-prefix=AGAIN

// A second run finds nothing left to share.
// AGAIN: snn.shared = {bytes_saved = 0 : i64, tensors = 0 : i64}

// Two columns built from one template (the same weights as two blobs and
// inline), a different kernel, and a bias equal to nothing else.
// CHECK-LABEL: snn.network @columns
// CHECK-SAME: snn.shared = {bytes_saved = 48 : i64, tensors = 2 : i64}
// CHECK: snn.linear %{{.*}} {weight = dense_resource<column_a> : tensor<2x3xf32>}
// CHECK: snn.linear %{{.*}} {weight = dense_resource<column_a> : tensor<2x3xf32>}
// CHECK: snn.linear %{{.*}} {weight = dense_resource<column_a> : tensor<2x3xf32>}
// CHECK: snn.linear %{{.*}} {weight = dense<2.000000e+00> : tensor<2x3xf32>}
// CHECK: column_a:
// CHECK-NOT: column_b
snn.network @columns(%in: !snn.spikes<3>) -> (!snn.current<2>, !snn.current<2>, !snn.current<2>, !snn.current<2>) {
  %a = snn.linear %in {weight = dense_resource<column_a> : tensor<2x3xf32>} : !snn.spikes<3> -> !snn.current<2>
  %b = snn.linear %in {weight = dense_resource<column_b> : tensor<2x3xf32>} : !snn.spikes<3> -> !snn.current<2>
  %c = snn.linear %in {weight = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>} : !snn.spikes<3> -> !snn.current<2>
  %d = snn.linear %in {weight = dense<2.0> : tensor<2x3xf32>} : !snn.spikes<3> -> !snn.current<2>
  snn.output %a, %b, %c, %d : !snn.current<2>, !snn.current<2>, !snn.current<2>, !snn.current<2>
}

{-#
  dialect_resources: {
    builtin: {
      column_a: "0x040000000000803F0000004000004040000080400000A0400000C040",
      column_b: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}
