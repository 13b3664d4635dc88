//===- Loihi2Test.cpp - Loihi 2 integer arithmetic ------------------------===//
//
// The rules of snnrt/Loihi2.h against the worked examples of the spec
// (../docs/targets/loihi2.md) and Lava's own definitions.
//
//===----------------------------------------------------------------------===//

#include "snnrt/Loihi2.h"
#include "snnrt/Procedural.h"

#include <gtest/gtest.h>

using namespace snnrt::loihi2;

TEST(Loihi2, WeightPreparationAsLava) {
  // MIXED, 8 bits: one bit of sign, so weights end up even.
  EXPECT_EQ(prepareWeight(255, 8, SignMode::Mixed), 254);
  EXPECT_EQ(prepareWeight(3, 8, SignMode::Mixed), 2);
  EXPECT_EQ(prepareWeight(-3, 8, SignMode::Mixed), -4);
  EXPECT_EQ(prepareWeight(1, 8, SignMode::Mixed), 0);
  EXPECT_EQ(prepareWeight(-1, 8, SignMode::Mixed), -2);
  EXPECT_EQ(prepareWeight(300, 8, SignMode::Mixed), 254);
  EXPECT_EQ(prepareWeight(-300, 8, SignMode::Mixed), -256);
  // EXCITATORY, 6 bits: multiples of 4 (210 -> 208, from the reference).
  EXPECT_EQ(prepareWeight(210, 6, SignMode::Excitatory), 208);
  EXPECT_EQ(prepareWeight(-5, 6, SignMode::Excitatory), 0);
  // INHIBITORY: negate, clip, truncate, negate back.
  EXPECT_EQ(prepareWeight(-143, 8, SignMode::Inhibitory), -143);
  EXPECT_EQ(prepareWeight(-143, 7, SignMode::Inhibitory), -142);
  EXPECT_EQ(prepareWeight(-300, 8, SignMode::Inhibitory), -255);
  // Prepared mantissas are fixed points of the preparation.
  for (int64_t w = -256; w <= 255; ++w)
    for (SignMode m :
         {SignMode::Mixed, SignMode::Excitatory, SignMode::Inhibitory}) {
      int64_t once = prepareWeight(w, 8, m);
      EXPECT_EQ(prepareWeight(once, 8, m), once) << w;
    }
}

TEST(Loihi2, NearestMantissaIsPrepared) {
  EXPECT_EQ(nearestMantissa(63.5, SignMode::Excitatory), 64); // to even
  EXPECT_EQ(nearestMantissa(300.0, SignMode::Excitatory), 255);
  EXPECT_EQ(nearestMantissa(-3.0, SignMode::Mixed), -4);
  EXPECT_EQ(nearestMantissa(2.9, SignMode::Mixed), 2);
  EXPECT_EQ(nearestMantissa(-97.45, SignMode::Inhibitory), -97);
  for (double q = -300; q <= 300; q += 0.37)
    for (SignMode m :
         {SignMode::Mixed, SignMode::Excitatory, SignMode::Inhibitory}) {
      int64_t n = nearestMantissa(q, m);
      EXPECT_EQ(prepareWeight(n, 8, m), n) << q;
    }
}

TEST(Loihi2, DecayRoundsTowardZero) {
  // u (4096 - du - 1) / 4096: du = 4095 zeroes u, du = 0 keeps 4095/4096.
  EXPECT_EQ(decay(1000, 4096), 0);
  EXPECT_EQ(decay(4096, 1), 4095);
  EXPECT_EQ(decay(-4096, 1), -4095);
  EXPECT_EQ(decay(-1, 1), 0); // -4095 >> 12 toward zero
  EXPECT_EQ(decay(-5000, 2048), -2500);
}

TEST(Loihi2, ExponentShiftsRoundDown) {
  EXPECT_EQ(shiftExp(5, 2), 20);
  EXPECT_EQ(shiftExp(-5, 1), -10);
  EXPECT_EQ(shiftExp(5, -1), 2);
  EXPECT_EQ(shiftExp(-5, -1), -3); // arithmetic shift, toward -infinity
}

TEST(Loihi2, SignModeNames) {
  SignMode m;
  EXPECT_TRUE(parseSignMode("INHIBITORY", m));
  EXPECT_EQ(m, SignMode::Inhibitory);
  EXPECT_FALSE(parseSignMode("BOTH", m));
  EXPECT_EQ(inferSignMode(0, 5), SignMode::Excitatory);
  EXPECT_EQ(inferSignMode(-5, 0), SignMode::Inhibitory);
  EXPECT_EQ(inferSignMode(-1, 1), SignMode::Mixed);
}

TEST(Loihi2, ProceduralSynapsesAsTheEmulatorDrawsThem) {
  snnrt::ProceduralRule rule;
  rule.connector = 2; // one_to_one
  rule.weightKind = 0;
  rule.w0 = 0.5;
  std::vector<snnrt::ProceduralSynapse> out;
  std::string error;
  ASSERT_TRUE(snnrt::expandProcedural(rule, 4, 4, out, error)) << error;
  ASSERT_EQ(out.size(), 4u);
  for (uint32_t i = 0; i < 4; ++i) {
    EXPECT_EQ(out[i].source, i);
    EXPECT_EQ(out[i].target, i);
    EXPECT_EQ(out[i].weight, 0.5);
  }
  // Fixed probability 1 without autapses: every other pair, by source.
  rule.connector = 0;
  rule.probability = 1.0;
  rule.allowAutapses = false;
  ASSERT_TRUE(snnrt::expandProcedural(rule, 3, 3, out, error)) << error;
  ASSERT_EQ(out.size(), 6u);
  EXPECT_EQ(out[0].source, 0u);
  EXPECT_EQ(out[0].target, 1u);
  EXPECT_EQ(out[5].source, 2u);
  EXPECT_EQ(out[5].target, 1u);
  // A bad rule is reported.
  rule.probability = 2.0;
  EXPECT_FALSE(snnrt::expandProcedural(rule, 3, 3, out, error));
  EXPECT_NE(error.find("probability must be in [0, 1]"), std::string::npos);
}
