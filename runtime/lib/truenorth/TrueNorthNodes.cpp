//===- TrueNorthNodes.cpp - TrueNorth cores as emulator nodes -------------===//
//
// A TrueNorth program as nodes of the emulator's graph
// (docs/formats/truenorth.md, "How the runtime runs it"): the mesh holds
// the spikes in flight to every axon and adds the network inputs' spikes,
// each core is a node that takes its axons of the tick from the mesh, runs
// its tick and sends its spikes back into it, and each output gathers the
// neurons that carry it. The cores write into the mesh, an earlier node,
// as a fused connection writes into its consumer: they all run on one
// thread, in order.
//
//===----------------------------------------------------------------------===//

#include "truenorth/TrueNorthNodes.h"
#include "engine/Nodes.h"
#include "truenorth/TrueNorthCore.h"

#include <algorithm>

using namespace snnrt;
using namespace snnrt::truenorth;

namespace {
/// Reads a field of exactly `n` integers in lo..hi.
bool ints(FieldReader &reader, const std::string &field, size_t n, int64_t lo,
          int64_t hi, std::vector<int64_t> &out) {
  if (!reader.i64s(field, out))
    return false;
  if (out.size() != n)
    return reader.fail("'" + field + "' has " + std::to_string(out.size()) +
                       " values, expected " + std::to_string(n));
  for (size_t i = 0; i < n; ++i)
    if (out[i] < lo || out[i] > hi)
      return reader.fail("'" + field + "' of element " + std::to_string(i) +
                         " is " + std::to_string(out[i]) + ", outside " +
                         std::to_string(lo) + ".." + std::to_string(hi));
  return true;
}

/// True if every input is a spike stream (of `size` elements unless 0).
bool spikeInputs(FieldReader &reader, Node &node, Context &ctx, size_t first,
                 size_t size) {
  for (size_t k = first; k < node.inputs.size(); ++k) {
    const Node &source = *(*ctx.nodes)[node.inputs[k]];
    if (!source.out.spiking || (size && source.out.size != size))
      return reader.fail(
          "input " + std::to_string(k) + " ('" + source.name +
          "') is not a spike stream" +
          (size ? " of " + std::to_string(size) + " elements" : std::string()));
  }
  return true;
}

/// The spikes in flight to every axon of every core, in a ring of 16
/// ticks, and the network inputs' spikes as the axons they activate now:
/// element c * 256 + a of its output is axon a of core c. Every input but
/// the last maps element e to axons[offsets[e]..offsets[e + 1]); the last,
/// the raw axon input that .sfti files feed, is the identity. Cores take
/// their axons of a tick from it and send their spikes into it.
class MeshNode : public Node {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    if (inputs.empty())
      return reader.fail("needs the raw axon input");
    if (!spikeInputs(reader, *this, ctx, 0, 0))
      return false;
    const Node &raw = *(*ctx.nodes)[inputs.back()];
    if (out.size % kAxonsPerCore || raw.out.size != out.size)
      return reader.fail("the mesh and its raw axon input (" +
                         std::to_string(raw.out.size) +
                         " elements) must hold 256 axons per core");
    std::vector<int64_t> offsetsIn;
    if (!reader.i64s("offsets", offsetsIn) || !reader.i64s("axons", axons))
      return false;
    size_t at = 0;
    for (size_t k = 0; k + 1 < inputs.size(); ++k) {
      size_t n = (*ctx.nodes)[inputs[k]]->out.size + 1;
      if (at + n > offsetsIn.size())
        return reader.fail("'offsets' is short for input " + std::to_string(k));
      offsets.emplace_back(offsetsIn.begin() + at, offsetsIn.begin() + at + n);
      at += n;
      for (size_t e = 0; e + 1 < n; ++e)
        if (offsets[k][e] < 0 || offsets[k][e] > offsets[k][e + 1] ||
            size_t(offsets[k][e + 1]) > axons.size())
          return reader.fail("'offsets' of input " + std::to_string(k) +
                             " are not ascending within 'axons'");
    }
    if (at != offsetsIn.size())
      return reader.fail("'offsets' has " + std::to_string(offsetsIn.size()) +
                         " values, expected " + std::to_string(at));
    for (int64_t a : axons)
      if (a < 0 || size_t(a) >= out.size)
        return reader.fail("axon " + std::to_string(a) + " is outside the " +
                           std::to_string(out.size) + " axons");
    ring.assign(kRing * cores(), Bits{});
    return true;
  }

  void step(Context &ctx) override {
    out.active.clear();
    for (size_t k = 0; k + 1 < inputs.size(); ++k)
      for (uint32_t e : input(ctx, k).active)
        for (int64_t p = offsets[k][e]; p < offsets[k][e + 1]; ++p)
          out.active.push_back(uint32_t(axons[size_t(p)]));
    const Stream &raw = input(ctx, inputs.size() - 1);
    out.active.insert(out.active.end(), raw.active.begin(), raw.active.end());
    // An axon is active or not: several spikes for it count once.
    std::sort(out.active.begin(), out.active.end());
    out.active.erase(std::unique(out.active.begin(), out.active.end()),
                     out.active.end());
    for (uint32_t a : out.active)
      setBit(slot(a / kAxonsPerCore, tick), int(a % kAxonsPerCore));
  }
  void endStep(Context &) override { ++tick; }

  size_t cores() const { return out.size / kAxonsPerCore; }
  /// The axons of `core` active in this tick; clears them for the tick 16
  /// ticks on.
  Bits take(size_t core) {
    Bits active = slot(core, tick);
    slot(core, tick) = Bits{};
    return active;
  }
  /// Makes `axon` of `core` active `delay` (1..15) ticks from now.
  void send(size_t core, int axon, int64_t delay) {
    setBit(slot(core, tick + uint64_t(delay)), axon);
  }

private:
  static constexpr size_t kRing = 16;
  static_assert(kRing > size_t(kMaxDelay), "a delay must fit the ring");
  Bits &slot(size_t core, uint64_t t) {
    return ring[(t % kRing) * cores() + core];
  }

  std::vector<std::vector<int64_t>> offsets;
  std::vector<int64_t> axons;
  std::vector<Bits> ring;
  uint64_t tick = 0;
};

/// One core: its tick on the axons the mesh holds for it now; it sends its
/// spikes into the mesh, due after their delay, and lists them as its
/// output (its 256 neurons).
class CoreNode : public Node {
public:
  bool isPopulation() const override { return true; }

  bool init(FieldReader &reader, Context &ctx) override {
    mesh = inputs.size() == 1
               ? dynamic_cast<MeshNode *>((*ctx.nodes)[inputs[0]].get())
               : nullptr;
    if (out.size != size_t(kNeuronsPerCore) || !mesh || mode[0] != kSameStep)
      return reader.fail("a core has 256 neurons and reads the mesh in the "
                         "same step");
    int64_t cores = int64_t(mesh->cores());
    std::vector<int64_t> id, seed, reach, types, typeOf, params;
    if (!ints(reader, "core", 1, 0, cores - 1, id) ||
        !ints(reader, "rng_seed", 1, 0, UINT32_MAX, seed) ||
        !ints(reader, "reach", kAxonsPerCore * model.reach[0].size(), INT64_MIN,
              INT64_MAX, reach) ||
        !ints(reader, "axon_types", kAxonsPerCore, 0, kAxonTypes - 1, types) ||
        !reader.i64s("type_params", params) ||
        !ints(reader, "dest_core", kNeuronsPerCore, -1, cores - 1, destCore) ||
        !ints(reader, "dest_axon", kNeuronsPerCore, 0, kAxonsPerCore - 1,
              destAxon) ||
        !ints(reader, "dest_delay", kNeuronsPerCore, kMinDelay, kMaxDelay,
              destDelay))
      return false;
    core = size_t(id[0]);
    if (params.size() % kTypeColumns)
      return reader.fail("'type_params' is not a table of " +
                         std::to_string(kTypeColumns) + " columns");
    model.types.resize(params.size() / kTypeColumns);
    for (size_t t = 0; t < model.types.size(); ++t) {
      std::string why;
      if (!unpackType(&params[t * kTypeColumns], model.types[t], why))
        return reader.fail("type " + std::to_string(t) + ": " + why);
    }
    if (!ints(reader, "type", kNeuronsPerCore, -1,
              int64_t(model.types.size()) - 1, typeOf))
      return false;
    for (int i = 0; i < kAxonsPerCore; ++i) {
      model.axonType[i] = types[i];
      for (size_t w = 0; w < model.reach[i].size(); ++w)
        model.reach[i][w] = uint64_t(reach[i * model.reach[i].size() + w]);
    }
    for (int j = 0; j < kNeuronsPerCore; ++j) {
      model.typeOf[j] = typeOf[j];
      model.v[j] = typeOf[j] < 0 ? 0 : model.types[size_t(typeOf[j])].initial;
      if (typeOf[j] < 0)
        for (Bits &row : model.reach)
          row[j >> 6] &= ~(uint64_t(1) << (j & 63));
      else
        ++used;
    }
    model.prng = Prng(uint32_t(seed[0]));
    model.prepare();
    return true;
  }

  void step(Context &) override {
    out.active.clear();
    activity.synapticEvents += model.tick(mesh->take(core), out.active);
    // Every delay is at least a tick, so no core sees this tick's spikes
    // before the next: the order of the cores does not matter.
    for (uint32_t j : out.active)
      if (destCore[j] >= 0)
        mesh->send(size_t(destCore[j]), int(destAxon[j]), destDelay[j]);
    activity.spikes += out.active.size();
    activity.neuronUpdates += used;
  }

  bool readState(const std::string &name,
                 std::vector<double> &values) const override {
    if (name != "v")
      return false;
    values.assign(model.v.begin(), model.v.end());
    return true;
  }
  uint64_t synapseBytes() const override { return sizeof model.reach; }
  uint64_t storedSynapses() const override {
    uint64_t n = 0;
    for (const Bits &row : model.reach)
      for (uint64_t word : row)
        n += uint64_t(__builtin_popcountll(word));
    return n;
  }

private:
  CoreModel model;
  MeshNode *mesh = nullptr;
  size_t core = 0;
  uint64_t used = 0;
  std::vector<int64_t> destCore, destAxon, destDelay;
};

/// A network output: element e is neuron `neuron[e]` of input `slot[e]`.
class OutputNode : public Node {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    if (!spikeInputs(reader, *this, ctx, 0, kNeuronsPerCore))
      return false;
    std::vector<int64_t> slot, neuron;
    if (!ints(reader, "slot", out.size, 0, int64_t(inputs.size()) - 1, slot) ||
        !ints(reader, "neuron", out.size, 0, kNeuronsPerCore - 1, neuron))
      return false;
    elements.assign(inputs.size(),
                    std::vector<std::vector<uint32_t>>(kNeuronsPerCore));
    for (size_t e = 0; e < out.size; ++e)
      elements[size_t(slot[e])][size_t(neuron[e])].push_back(uint32_t(e));
    return true;
  }

  void step(Context &ctx) override {
    out.active.clear();
    for (size_t k = 0; k < inputs.size(); ++k)
      for (uint32_t j : input(ctx, k).active)
        out.active.insert(out.active.end(), elements[k][j].begin(),
                          elements[k][j].end());
    std::sort(out.active.begin(), out.active.end());
  }

private:
  /// Per input and neuron: the output elements it carries.
  std::vector<std::vector<std::vector<uint32_t>>> elements;
};
} // namespace

NodeKinds truenorth::nodeKinds() {
  static constexpr NodeKind kinds[] = {
      {"truenorth.mesh", makeNode<MeshNode>},
      {"truenorth.core", makeNode<CoreNode>},
      {"truenorth.output", makeNode<OutputNode>},
  };
  return kinds;
}
