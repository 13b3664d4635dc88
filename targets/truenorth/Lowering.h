//===- Lowering.h - a spiking network onto TrueNorth cores ------*- C++ -*-===//
//
// The algorithm behind truenorth-lower on plain data, so that unit tests
// drive it without IR. A network is a list of neuron groups (populations in
// integer-ready form) and of edges (connections with their synapses); the
// result is the cores of a TrueNorth program: a 256 x 256 binary crossbar,
// an axon type per axon, a neuron type and one destination per neuron.
//
// Weights: a neuron sees one weight per axon type, and a core has 4 types.
// Each core clusters the weights of all synapses it receives into at most 4
// levels (exact when they take at most 4 values); a source that reaches a
// core with synapses of several levels gets one axon per level ("level
// axons": paired axons for signed or trinary weights, in general one per
// value), and every neuron of the core weighs axon type t by level t.
// Fan-out: a neuron has one destination, so a neuron whose synapses reach
// several (core, axon) pairs is duplicated on its own core, every copy with
// the same crossbar column and parameters: the copies spike together.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_TRUENORTH_LOWERING_H
#define SNNC_TARGETS_TRUENORTH_LOWERING_H

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snnc::truenorth {

/// The registers of one neuron type, in TrueNorth's integer units.
struct NeuronType {
  std::array<int64_t, 4> weights{}; ///< s0..s3, signed
  int64_t leak = 0;                 ///< signed lambda
  bool leakReversal = false;        ///< epsilon
  int64_t threshold = 1;            ///< alpha
  int64_t negativeThreshold = 0;    ///< beta
  int64_t maskBits = 0;             ///< TM
  int resetMode = 0;                ///< gamma: 0 normal, 1 linear, 2 none
  int negativeMode = 0;             ///< kappa: 0 reset, 1 saturate
  int64_t reset = 0;                ///< R
  int64_t initial = 0;              ///< V at tick 0
  bool operator==(const NeuronType &o) const;
};

/// The ranges of the registers (the runtime's constants).
struct Limits {
  int64_t minWeight, maxWeight;
  int64_t minLeak, maxLeak;
  int64_t maxThreshold;
  int64_t maxNegativeThreshold;
  int64_t maxDelay;
  int64_t axons = 256, neurons = 256;
  int64_t maxCores;
};

/// A population before scaling: what its float model asks for.
struct Group {
  enum class Kind { integrateAndFire, leaky, threshold };
  std::string name;
  int64_t size = 0;
  Kind kind = Kind::integrateAndFire;
  /// Reset: 0 to the reference, 1 by subtraction, 2 none.
  int resetMode = 0;
  /// Threshold above the reference (mV); for threshold units, the
  /// threshold of the input.
  double span = 1.0;
  /// Per-step decay of a leaky group: v' = ref + alpha (v - ref) + input.
  double alpha = 1.0;
  /// Constant input per step (mV), and the initial potential above the
  /// reference (mV).
  double drive = 0.0, initial = 0.0;
  /// What the lowering added it for ("relay", "partial sums"); empty for
  /// the model's own populations.
  std::string role;
};

struct Synapse {
  int64_t source, target;
  double weight; ///< in the target group's mV per spike
};

/// Synapses from a network input or a group into a group, all with one
/// delay in ticks (1 is the next tick).
struct Edge {
  bool fromInput = false;
  size_t source = 0, target = 0;
  int64_t delay = 1;
  std::vector<Synapse> synapses;
};

struct Problem {
  std::vector<int64_t> inputSizes;
  std::vector<Group> groups;
  std::vector<Edge> edges;
  /// The group each network output reads, in order.
  std::vector<size_t> outputs;
};

/// One core of the program.
struct Core {
  /// Axon types (0..3) of the axons in use, in axon order.
  std::vector<int> axonTypes;
  /// crossbar[axon][slot]: the axon reaches the neuron in that slot.
  std::vector<std::bitset<256>> crossbar;
  /// Per neuron slot in use: its type, destination and source neuron.
  std::vector<int64_t> types, destCores, destAxons, destDelays;
  /// The group of the core and, per slot, the group neuron it copies.
  size_t group = 0;
  std::vector<int64_t> neurons;
};

struct Program {
  std::vector<Core> cores;
  std::vector<NeuronType> types;
  /// Per network input and element: the (core, axon) pairs it drives.
  std::vector<std::vector<std::vector<std::pair<int64_t, int64_t>>>> inputs;
  /// Per network output and element: the (core, slot) that carries it.
  std::vector<std::vector<std::pair<int64_t, int64_t>>> outputs;
  /// Per group, the problem's and then the relays the lowering added for
  /// delays beyond one hop: its name, integer units per mV, and what the
  /// mapping cost.
  std::vector<std::string> groupNames, groupRoles;
  std::vector<double> scales;
  std::vector<double> thresholdError, leakError;
  /// Per edge: the largest and the rms weight error against its largest
  /// weight (0 when exact).
  std::vector<double> weightMaxError, weightRmsError;
  /// Per edge: the share of its non-zero synapses whose level rounds to 0.
  std::vector<double> weightZeroed;
  /// Neuron slots used by copies beyond the first of each neuron, and by
  /// the partial sums of neurons that read more sources than a core has
  /// axons.
  int64_t duplicateNeurons = 0, partialSumNeurons = 0;
  /// Cores that neurons and axons alone would force.
  int64_t lowerBound = 0;
};

/// Scales every group, clusters the weights of every core, duplicates
/// neurons for their destinations and lays the cores out. A delay beyond
/// one hop's goes through relays: threshold units that pass every spike on
/// (`NAME.relayK`), one per neuron of the source and per extra hop, exact. Fails with a
/// message naming the group or edge, the limit and the value when the
/// network does not fit.
bool lower(const Problem &problem, const Limits &limits, Program &program,
           std::string &error);

} // namespace snnc::truenorth

#endif // SNNC_TARGETS_TRUENORTH_LOWERING_H
