//===- SynapseListTest.cpp - compact synapse storage is exact --------------===//

#include "engine/SynapseList.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

using namespace snnrt;

namespace {
/// Stores `synapses` and reads every source back as (target -> weight).
std::map<std::pair<uint32_t, uint32_t>, float>
roundTrip(size_t sources, const std::vector<SynapseList::Synapse> &synapses,
          SynapseList &list) {
  list.build(sources, synapses);
  std::map<std::pair<uint32_t, uint32_t>, float> seen;
  for (uint32_t i = 0; i < sources; ++i) {
    uint32_t last = 0;
    bool first = true;
    list.forEach(i, [&](uint32_t t, float w) {
      EXPECT_TRUE(first || t > last) << "targets sorted";
      first = false;
      last = t;
      seen[{i, t}] = w;
    });
  }
  return seen;
}
} // namespace

TEST(SynapseList, PaletteKeepsFewWeightsExactlyInThreeBytes) {
  std::mt19937 rng(1);
  std::vector<SynapseList::Synapse> synapses;
  std::map<std::pair<uint32_t, uint32_t>, float> expected;
  const float values[] = {0.006f, -0.067f, 1.0f / 3.0f};
  for (uint32_t i = 0; i < 1000; ++i)
    for (int k = 0; k < 50; ++k) {
      uint32_t t = rng() % 60000;
      if (expected.count({i, t}))
        continue;
      float w = values[rng() % 3];
      synapses.push_back({i, t, w});
      expected[{i, t}] = w;
    }
  SynapseList list;
  EXPECT_EQ(roundTrip(1000, synapses, list), expected);
  EXPECT_EQ(list.size(), synapses.size());
  // 2 bytes of gap and 1 of palette index per synapse, 8 per source.
  EXPECT_LE(double(list.bytes()) / list.size(), 3.0 + 8.0 * 1000 / list.size() + 0.01);
}

TEST(SynapseList, ManyWeightsAndFarTargetsStayExact) {
  std::mt19937 rng(2);
  std::uniform_real_distribution<float> dist(-1, 1);
  std::vector<SynapseList::Synapse> synapses;
  std::map<std::pair<uint32_t, uint32_t>, float> expected;
  for (uint32_t i = 0; i < 300; ++i)
    for (uint32_t t : {0u, 7u, 65534u, 65535u, 65536u, 200000u, 4000000000u}) {
      float w = dist(rng);
      synapses.push_back({i, t, w});
      expected[{i, t}] = w;
    }
  SynapseList list;
  EXPECT_EQ(roundTrip(300, synapses, list), expected);
  // Floats and some escaped gaps: at most 4 + 6 bytes each here.
  EXPECT_LE(double(list.bytes()) / list.size(), 10.0 + 8.0 / 7 + 0.01);
}

TEST(SynapseList, MutableAccessUnpalettes) {
  SynapseList list;
  list.build(2, {{0, 3, 0.5f}, {0, 1, 0.5f}, {1, 2, 0.25f}});
  list.forEachMutable(0, [](uint32_t t, float &w) { w += float(t); });
  std::vector<float> weights;
  for (uint32_t i = 0; i < 2; ++i)
    list.forEach(i, [&](uint32_t, float w) { weights.push_back(w); });
  EXPECT_EQ(weights, (std::vector<float>{1.5f, 3.5f, 0.25f}));
}
