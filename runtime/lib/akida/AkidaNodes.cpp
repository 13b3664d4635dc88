//===- AkidaNodes.cpp - Akida layers as emulator nodes --------------------===//
//
// An Akida model as nodes of the emulator's graph: the network input, then
// one node per layer reading the previous one in the same step. Each step
// is one inference: a layer node gathers its input stream into an
// activation map, evaluates the layer (akida/AkidaLayers.h) and writes its
// non-zero activations as graded spikes, or, for a last layer without
// activation, its potentials as a current stream. Nothing is kept from one
// step to the next.
//
//===----------------------------------------------------------------------===//

#include "akida/AkidaNodes.h"
#include "akida/AkidaLayers.h"
#include "engine/Nodes.h"

#include <algorithm>

using namespace snnrt;
using namespace snnrt::akida;

namespace {
class LayerNode : public Node {
public:
  bool isPopulation() const override { return true; }

  bool init(FieldReader &reader, Context &ctx) override {
    if (inputs.size() != 1 || mode[0] != kSameStep)
      return reader.fail("an Akida layer reads one input in the same step");
    std::vector<int64_t> row;
    std::string why;
    if (!reader.i64s("layer", row))
      return false;
    if (!unpackLayer(row, layer, why))
      return reader.fail(why);
    if (!reader.i64s("weights", layer.weights) ||
        !reader.i64s("threshold", layer.threshold) ||
        !reader.i64s("act_step", layer.actStep))
      return false;
    if (reader.has("weights_pw") && !reader.i64s("weights_pw", layer.weightsPw))
      return false;
    if (std::string e = checkLayer(layer); !e.empty())
      return reader.fail(e);
    const Node &source = *(*ctx.nodes)[inputs[0]];
    if (!source.out.spiking ||
        source.out.size != size_t(layer.input.elements()) ||
        source.out.payloadBits != uint32_t(layer.inputBits))
      return reader.fail(
          "input 0 ('" + source.name + "') must be a spike stream of " +
          std::to_string(layer.input.elements()) + " elements with " +
          std::to_string(layer.inputBits) + "-bit payloads");
    if (out.size != size_t(layer.output.elements()) ||
        out.spiking != layer.activation ||
        (layer.activation && out.payloadBits != uint32_t(layer.actBits)))
      return reader.fail(
          "the output must be " +
          std::string(layer.activation
                          ? "a spike stream with " +
                                std::to_string(layer.actBits) + "-bit payloads"
                          : "a current stream") +
          " of " + std::to_string(layer.output.elements()) + " elements");
    inputMap = Tensor(layer.input);
    return true;
  }

  void step(Context &ctx) override {
    const Stream &s = input(ctx, 0);
    std::fill(inputMap.data.begin(), inputMap.data.end(), 0);
    // MetaTF refuses inputs above the input's bits; a payload above them
    // is taken as the largest value.
    uint32_t top = (uint32_t(1) << layer.inputBits) - 1;
    for (size_t k = 0; k < s.active.size(); ++k)
      inputMap.data[s.active[k]] =
          s.payload.empty() ? 1 : int64_t(std::min(s.payload[k], top));
    uint64_t events = 0;
    Tensor result = evaluate(layer, inputMap, events);
    activity.synapticEvents += events;
    activity.neuronUpdates += result.data.size();
    uint64_t nonZero = 0;
    if (out.spiking) {
      out.active.clear();
      out.payload.clear();
      for (size_t i = 0; i < result.data.size(); ++i)
        if (result.data[i]) {
          out.active.push_back(uint32_t(i));
          out.payload.push_back(uint32_t(result.data[i]));
        }
      nonZero = out.active.size();
    } else {
      for (size_t i = 0; i < result.data.size(); ++i) {
        out.values[i] = double(result.data[i]);
        nonZero += result.data[i] != 0;
      }
    }
    activity.spikes += nonZero;
  }

  uint64_t synapseBytes() const override {
    return (layer.weights.size() + layer.weightsPw.size()) * sizeof(int64_t);
  }
  uint64_t storedSynapses() const override {
    return layer.weights.size() + layer.weightsPw.size();
  }

private:
  Layer layer;
  Tensor inputMap;
};
} // namespace

NodeKinds akida::nodeKinds() {
  static constexpr NodeKind kinds[] = {
      {"akida.layer", makeNode<LayerNode>},
  };
  return kinds;
}
