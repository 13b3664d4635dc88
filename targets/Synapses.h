//===- Synapses.h - a connection op as its explicit synapses ----*- C++ -*-===//
//
// Targets that store every synapse (a crossbar, a weight table) expand each
// connection op the way the emulator visits it: dense maps, sparse lists,
// procedural rules laid out from their seed, convolutions and poolings.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_SYNAPSES_H
#define SNNC_TARGETS_SYNAPSES_H

#include "dialects/SNN/SNNOps.h"

#include "snnrt/Procedural.h"

#include <cstdint>
#include <vector>

namespace snnc {

/// One synapse: source element (row-major over the op's input), target
/// element (over its result) and weight, in the op's own units.
struct ExplicitSynapse {
  int64_t source, target;
  double weight;
};

/// The rule of a procedural connection, as the emulator draws it.
snnrt::ProceduralRule proceduralRuleOf(snn::ProceduralOp op);

/// Every synapse of a linear, affine (its weights; the bias is not a
/// synapse), sparse, procedural, conv2d, sum_pool2d or avg_pool2d op, zero
/// weights left out; a diagnostic on the op for any other op or when its
/// tensors cannot be read. Procedural synapses come in the emulator's
/// order.
mlir::LogicalResult expandSynapses(mlir::Operation *op,
                                   std::vector<ExplicitSynapse> &out);

} // namespace snnc

#endif // SNNC_TARGETS_SYNAPSES_H
