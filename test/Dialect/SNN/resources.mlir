// RUN: snnc-opt %s | FileCheck %s
// RUN: snnc-opt %s --verify-roundtrip
// RUN: snnc-opt %s --canonicalize | FileCheck %s --check-prefix=CANON

// Weights held in resource blobs: verified like inline ones, printed back as
// blobs, and the blob is what the canonicalizer rewrites.

// CHECK-LABEL: snn.network @blob
// CHECK: snn.linear %{{.*}} {weight = dense_resource<w1> : tensor<2x3xf32>}
// CHECK: dialect_resources
// CHECK-NEXT: builtin
// CHECK-NEXT: w1: "0x04000000
// CANON: snn.linear %{{.*}} {weight = dense_resource<snn_weights> : tensor<2x3xf32>}
// CANON-NOT: snn.scale
// CANON: snn_weights: "0x040000000000803F0000004000008040000000400000804000000041"
snn.network @blob(%in: !snn.spikes<3>) -> !snn.current<2> {
  %s = snn.scale %in {scale = dense<[1.0, 2.0, 4.0]> : tensor<3xf32>} : !snn.spikes<3> -> !snn.current<3>
  %o = snn.linear %s {weight = dense_resource<w1> : tensor<2x3xf32>} : !snn.current<3> -> !snn.current<2>
  snn.output %o : !snn.current<2>
}

{-#
  dialect_resources: {
    builtin: {
      w1: "0x040000000000803F0000803F0000803F000000400000004000000040"
    }
  }
#-}

