//===- EngineNodes.cpp - the nodes every model family runs on -------------===//
//
// Network inputs and delays hold or shift values between steps and compute
// nothing, so they belong to no family's semantics: a Loihi 2 artifact's
// RingBuffer becomes the same input node as an snnx image's input.
//
//===----------------------------------------------------------------------===//

#include "engine/Nodes.h"

#include <algorithm>

using namespace snnrt;

namespace {
/// y(t) = x(t - d) through a ring buffer of the last max(d) + 1 steps.
class DelayNode : public Node {
public:
  bool init(FieldReader &reader, Context &) override {
    std::vector<int64_t> s;
    if (!reader.i64s("steps", s))
      return false;
    if (s.size() != 1 && s.size() != out.size)
      return reader.fail("'steps' needs 1 or " + std::to_string(out.size) +
                         " values");
    if (inputs.size() != 1)
      return reader.fail("a delay has one input");
    steps.resize(out.size);
    int64_t most = 0;
    for (size_t i = 0; i < out.size; ++i) {
      steps[i] = s.size() == 1 ? s[0] : s[i];
      if (steps[i] < 0)
        return reader.fail("negative delay");
      most = std::max(most, steps[i]);
    }
    for (int64_t d : steps)
      if (d == 0 && mode[0] != kSameStep)
        return reader.fail("a zero-step delay must read its input in the "
                           "same step");
    depth = size_t(most) + 1;
    ring.assign(depth * out.size, 0.0);
    return true;
  }
  void step(Context &ctx) override {
    // Zero-step elements pass this step's input straight through; when every
    // element waits at least a step the input is read only at the end of the
    // step (mode kEndOfStep), which is what lets a delay close a cycle.
    std::vector<double> now(out.size, 0.0);
    if (mode[0] == kSameStep)
      input(ctx, 0).forEachNonZero([&](uint32_t i, double x) { now[i] = x; });
    out.active.clear();
    out.payload.clear();
    for (size_t i = 0; i < out.size; ++i) {
      double x = steps[i] == 0
                     ? now[i]
                     : ring[((head + depth - size_t(steps[i])) % depth) *
                                out.size +
                            i];
      if (out.spiking) {
        if (x != 0.0) {
          out.active.push_back(uint32_t(i));
          if (out.payloadBits)
            out.payload.push_back(uint32_t(x));
        }
      } else {
        out.values[i] = x;
      }
    }
  }
  void endStep(Context &ctx) override {
    const Stream &in = input(ctx, 0);
    double *slot = &ring[head * out.size];
    std::fill(slot, slot + out.size, 0.0);
    in.forEachNonZero([&](uint32_t i, double x) { slot[i] = x; });
    head = (head + 1) % depth;
  }

private:
  std::vector<int64_t> steps;
  size_t depth = 1, head = 0;
  std::vector<double> ring;
};
} // namespace

NodeKinds snnrt::engineNodeKinds() {
  static constexpr NodeKind kinds[] = {
      {"input", makeNode<InputNode>},
      {"delay", makeNode<DelayNode>},
  };
  return kinds;
}
