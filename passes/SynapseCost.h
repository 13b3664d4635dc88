//===- SynapseCost.h - what one connection op puts on a chip ----*- C++ -*-===//

#ifndef SNNC_PASSES_SYNAPSECOST_H
#define SNNC_PASSES_SYNAPSECOST_H

#include "dialects/SNN/SNNOps.h"
#include "passes/Mapping.h"
#include "targets/ChipDescription.h"

namespace snnc {

/// Synapses a connection puts on a chip and the fan-in of its targets.
struct ConnectionCost {
  double synapses = 0;      ///< connections between neurons
  double storedWeights = 0; ///< weights kept in synapse memory
  double procedural = 0;    ///< synapses generated from a seed
  double maxFanIn = 0;      ///< inputs of the most connected target
  bool local = false;       ///< target j draws from sources near j N / M
};

ConnectionCost costOf(mlir::Operation *op, const ChipDescription &chip);

/// `value` as printf's %g writes it (1000, 0.25, 1.5e+06), for diagnostics.
std::string shortNumber(double value);

/// The registered chip named `name`, or null after a diagnostic on `op`
/// listing the registered chips.
const ChipDescription *lookupChipOrError(mlir::Operation *op,
                                         llvm::StringRef name);

/// The chip of the target recorded on `op` or its module (`snn.target`),
/// or null after a diagnostic on `op`: no target, a target without a chip,
/// or a chip no target registered.
const ChipDescription *getTargetChip(mlir::Operation *op);

/// Bits one stored synapse takes in the chip's cheapest encoding.
unsigned bitsPerSynapse(const ChipDescription &chip);

/// Populations (the network's neuron ops, in order) and the projections
/// between them, each following a chain of connection ops back to its
/// source population; inputs from the network's arguments are off chip.
mapping::Problem buildProblem(snn::NetworkOp network,
                              const ChipDescription &chip,
                              llvm::SmallVectorImpl<mlir::Operation *> &pops);

/// The problem and the partition snn-partition recorded on `network`. Fails
/// when the network has no `snn.partition` (`missing` stays null) or when a
/// population has no core assignment (`missing` is set to it).
mlir::LogicalResult readRecordedPartition(snn::NetworkOp network,
                                          const ChipDescription &chip,
                                          mapping::Problem &problem,
                                          mapping::Partition &part,
                                          mlir::Operation **missing = nullptr);

} // namespace snnc

#endif // SNNC_PASSES_SYNAPSECOST_H
