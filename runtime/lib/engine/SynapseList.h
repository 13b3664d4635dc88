//===- SynapseList.h - compact source-major synapse storage -----*- C++ -*-===//
//
// The explicit synapses of one connection, grouped by source and sorted by
// target. Targets are stored as 16-bit gaps from the previous target (an
// escape value introduces a full 32-bit target), weights as 8-bit indices
// into a palette when the connection has at most 256 distinct weights and
// as floats otherwise: typically 3 bytes per synapse, at most 6 for gaps
// below 65535, plus 4 bytes per source. Exact: no weight is rounded.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_SYNAPSELIST_H
#define SNNRT_SYNAPSELIST_H

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace snnrt {

class SynapseList {
public:
  struct Synapse {
    uint32_t source, target;
    float weight;
  };

  /// Builds the list for `sources` sources; the order of `synapses` does
  /// not matter.
  void build(size_t sources, std::vector<Synapse> synapses) {
    std::sort(synapses.begin(), synapses.end(),
              [](const Synapse &a, const Synapse &b) {
                return std::tie(a.source, a.target) <
                       std::tie(b.source, b.target);
              });
    count = synapses.size();
    // Exact palette when the weights are few.
    std::unordered_map<uint32_t, uint8_t> index;
    paletted = true;
    for (const Synapse &s : synapses) {
      uint32_t bits;
      std::memcpy(&bits, &s.weight, 4);
      if (index.count(bits))
        continue;
      if (palette.size() == 256) {
        paletted = false;
        break;
      }
      index[bits] = uint8_t(palette.size());
      palette.push_back(s.weight);
    }
    if (!paletted)
      palette.clear();
    offsets.assign(sources + 1, 0);
    weightOffsets.assign(sources + 1, 0);
    size_t k = 0;
    for (size_t i = 0; i < sources; ++i) {
      offsets[i] = uint32_t(gaps.size());
      weightOffsets[i] = uint32_t(k);
      uint32_t previous = 0;
      bool first = true;
      for (; k < synapses.size() && synapses[k].source == i; ++k) {
        uint32_t t = synapses[k].target;
        uint64_t gap = first ? t : uint64_t(t) - previous;
        if (gap < kEscape) {
          gaps.push_back(uint16_t(gap));
        } else {
          gaps.push_back(kEscape);
          gaps.push_back(uint16_t(t & 0xffff));
          gaps.push_back(uint16_t(t >> 16));
        }
        previous = t;
        first = false;
        if (paletted) {
          uint32_t bits;
          std::memcpy(&bits, &synapses[k].weight, 4);
          codes.push_back(index[bits]);
        } else {
          weights.push_back(synapses[k].weight);
        }
      }
    }
    offsets[sources] = uint32_t(gaps.size());
    weightOffsets[sources] = uint32_t(k);
  }

  /// Calls fn(target, weight) for every synapse of `source`, by target.
  template <typename Fn> void forEach(uint32_t source, Fn &&fn) const {
    decode(source, [&](uint32_t target, size_t w) {
      fn(target, paletted ? palette[codes[w]] : weights[w]);
    });
  }

  /// Mutable weights for plasticity: fn(target, float &weight). Expands a
  /// palette into plain floats on first use.
  template <typename Fn> void forEachMutable(uint32_t source, Fn &&fn) {
    unpalette();
    decode(source, [&](uint32_t target, size_t w) { fn(target, weights[w]); });
  }

  size_t fanOut(uint32_t source) const {
    return weightOffsets[source + 1] - weightOffsets[source];
  }
  size_t size() const { return count; }
  size_t sources() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  /// Bytes held, all arrays included.
  uint64_t bytes() const {
    return gaps.size() * 2 + codes.size() + weights.size() * 4 +
           palette.size() * 4 + (offsets.size() + weightOffsets.size()) * 4;
  }

private:
  /// Walks the gaps of `source`: fn(target, index of its weight).
  template <typename Fn> void decode(uint32_t source, Fn &&fn) const {
    const uint16_t *g = gaps.data() + offsets[source];
    const uint16_t *end = gaps.data() + offsets[source + 1];
    size_t w = weightOffsets[source];
    uint32_t target = 0;
    bool first = true;
    while (g < end) {
      if (*g == kEscape) {
        target = uint32_t(g[1]) | (uint32_t(g[2]) << 16);
        g += 3;
      } else {
        target = first ? *g : target + *g;
        ++g;
      }
      first = false;
      fn(target, w++);
    }
  }

  void unpalette() {
    if (!paletted)
      return;
    weights.resize(codes.size());
    for (size_t k = 0; k < codes.size(); ++k)
      weights[k] = palette[codes[k]];
    codes.clear();
    codes.shrink_to_fit();
    palette.clear();
    paletted = false;
  }

  static constexpr uint16_t kEscape = 0xffff;
  size_t count = 0;
  bool paletted = false;
  std::vector<uint32_t> offsets, weightOffsets;
  std::vector<uint16_t> gaps;
  std::vector<uint8_t> codes;
  std::vector<float> weights, palette;
};

} // namespace snnrt

#endif // SNNRT_SYNAPSELIST_H
