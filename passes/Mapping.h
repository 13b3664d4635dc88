//===- Mapping.h - partitioning populations into cores, placing cores -*- C++ -*-===//
//
// The algorithms behind snn-partition and snn-place on plain data, so that
// unit tests and the benchmark drive them without IR: populations cut into
// chunks, projections between populations with a structure (uniform or
// local), METIS for the partition, a snake-and-swap placement on the mesh.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_PASSES_MAPPING_H
#define SNNC_PASSES_MAPPING_H

#include "targets/ChipDescription.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::mapping {

struct Population {
  std::string name;
  int64_t neurons;
};

/// Synapses from population `source` to population `target`, spread
/// uniformly over all pairs (dense, random) or locally (target neuron j
/// draws from source neurons near j N / M: one-to-one, convolution,
/// pooling).
struct Projection {
  size_t source, target;
  double synapses;   ///< connections made
  double storedBits; ///< synapse memory they take on the target's cores
  double fanIn;      ///< inputs of one target neuron
  bool local;
};

struct Problem {
  std::vector<Population> populations;
  std::vector<Projection> projections;
};

struct Partition {
  /// Per population: the size of its chunks (the last may be smaller).
  std::vector<int64_t> chunkSizes;
  /// Per population: the core of each of its chunks.
  std::vector<std::vector<int64_t>> cores;
  int64_t numCores = 0;
  int64_t lowerBound = 0;
  std::string bindingLimit;
  double cutSynapses = 0;      ///< synapses whose ends are on different cores
  double naiveCutSynapses = 0; ///< the same for a sequential fill
  int64_t naiveCores = 0;
};

/// What one core holds: neurons, synapse memory (bits) and input axons, as
/// the partitioner counts them.
struct CoreLoad {
  double neurons = 0, bits = 0, fanIn = 0;
};

/// The load of every core of a partition.
std::vector<CoreLoad> coreLoads(const Problem &problem, const Partition &part);

/// Partitions so that every core respects the chip's neuron, synapse-memory
/// and fan-in limits, minimizing the synapses cut between cores (METIS).
/// False with a message when no partition fits the largest system.
bool partition(const Problem &problem, const ChipDescription &chip,
               Partition &result, std::string &error);

struct Placement {
  /// Core k sits at (chip[k], x[k], y[k]).
  std::vector<int64_t> chip, x, y;
  /// Synapses x mesh hops between their cores, and the same with cores in
  /// index order.
  double hopTraffic = 0;
  double naiveHopTraffic = 0;
};

/// Places the cores of `part` on the chips' meshes to shorten the hops of
/// the synapses between them. Crossing to another chip costs the hops
/// across a whole mesh (width + height).
void place(const Problem &problem, const Partition &part,
           const ChipDescription &chip, Placement &result);

/// Synapses between pairs of cores (upper triangle, a < b): local
/// projections between the cores of overlapping chunks, uniform ones spread
/// in proportion to the neurons on each core. With `diffuse`, uniform
/// projections over more than about a million core pairs are left out and
/// their indices listed there.
std::vector<std::vector<std::pair<int64_t, double>>>
coreTraffic(const Problem &problem, const Partition &part,
            std::vector<size_t> *diffuse = nullptr);

} // namespace snnc::mapping

#endif // SNNC_PASSES_MAPPING_H
