//===- TestImages.h - building small snnx images in tests -------*- C++ -*-===//

#ifndef SNNC_TEST_UNIT_RUNTIME_TESTIMAGES_H
#define SNNC_TEST_UNIT_RUNTIME_TESTIMAGES_H

#include "snnrt/Image.h"
#include "snnrt/Network.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace snnrt::test {

/// Writes a network record and node records as the cpu target does.
class TestImage {
public:
  explicit TestImage(double dt, std::vector<int64_t> outputs = {}) {
    w.beginRecord();
    w.addString("kind", "network");
    w.addString("name", "test");
    w.addF64("dt", {dt});
    w.addI64("outputs", outputs);
  }

  /// Adds a node; `fields` writes the node's own fields. Returns its id.
  int64_t node(const std::string &kind, std::vector<int64_t> inputs,
               std::vector<int64_t> shape, bool spikes,
               const std::function<void(ImageWriter &)> &fields = {},
               std::vector<int64_t> modes = {}, int64_t payloadBits = 0) {
    w.beginRecord();
    w.addString("kind", kind);
    w.addString("name", kind + "_" + std::to_string(count));
    if (modes.empty())
      modes.assign(inputs.size(), kSameStep);
    w.addI64("inputs", inputs);
    w.addI64("delayed", modes);
    w.addI64("shape", shape);
    w.addString("stream", spikes ? "spikes" : "current");
    w.addI64("payload_bits", {payloadBits});
    if (fields)
      fields(w);
    return count++;
  }

  void probe(const std::string &name, int64_t source,
             const std::string &state) {
    w.beginRecord();
    w.addString("kind", "probe");
    w.addString("name", name);
    w.addI64("source", {source});
    w.addString("state", state);
  }

  std::vector<uint8_t> bytes() const { return w.finish(); }

  std::unique_ptr<Network> load() const {
    std::vector<uint8_t> data = bytes();
    std::vector<Record> parsed;
    std::string error;
    EXPECT_TRUE(parseImage(data.data(), data.size(), parsed, error)) << error;
    auto net = Network::load(parsed, error);
    EXPECT_TRUE(net) << error;
    return net;
  }

  /// Loading must fail; returns the message.
  std::string loadError() const {
    std::vector<uint8_t> data = bytes();
    std::vector<Record> parsed;
    std::string error;
    if (!parseImage(data.data(), data.size(), parsed, error))
      return error;
    auto net = Network::load(parsed, error);
    EXPECT_FALSE(net);
    return error;
  }

private:
  ImageWriter w;
  int64_t count = 0;
};

} // namespace snnrt::test

#endif // SNNC_TEST_UNIT_RUNTIME_TESTIMAGES_H
