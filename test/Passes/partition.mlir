// RUN: snnc-opt %S/Inputs/chain.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-partition,snn-place))' | FileCheck %s
// RUN: snnc-opt %S/Inputs/chain.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-partition,snn-place))' | FileCheck %s --check-prefix=LOIHI
// RUN: snnc-opt %S/Inputs/chain.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-partition))' -o %t.a.mlir
// RUN: snnc-opt %S/Inputs/chain.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-partition))' -o %t.b.mlir
// RUN: cmp %t.a.mlir %t.b.mlir

// On TrueNorth (256 neurons and 256 axons per core) fan-in binds: the lower
// bound is 32 cores, METIS fits the network in 40 where filling cores in
// order takes 48, and cuts fewer synapses. Placement shortens the hops
// against cores in index order. The result is the same on every run.
// CHECK: snn.network @chain
// CHECK-SAME: snn.partition = {binding_limit = "fan-in", cores = 40 : i64, cut_synapses = 16380 : i64, lower_bound = 32 : i64, naive_cores = 48 : i64, naive_cut_synapses = 17980 : i64}
// CHECK-SAME: snn.placement = {chips = 1 : i64, hop_synapses = 218960 : i64, naive_hop_synapses = 223608 : i64, positions = array<i64: 0,
// CHECK: snn.lif(%{{.*}}) {snn.chunk = 8 : i64, snn.cores = array<i64: 0, 1, 2, 3,

// On Loihi 2 everything fits one core.
// LOIHI: snn.partition = {binding_limit = "neurons", cores = 1 : i64, cut_synapses = 0 : i64, lower_bound = 1 : i64, naive_cores = 1 : i64, naive_cut_synapses = 0 : i64}
// LOIHI-SAME: snn.placement = {chips = 1 : i64, hop_synapses = 0 : i64, naive_hop_synapses = 0 : i64, positions = array<i64: 0, 0, 0>}
