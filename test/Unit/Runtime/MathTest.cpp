//===- MathTest.cpp - the deterministic exp and log are accurate ----------===//

#include "engine/Math.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace snnrt;

namespace {
/// Distance in units in the last place.
double ulps(double a, double b) {
  if (a == b)
    return 0;
  return std::abs(a - b) / std::abs(std::nextafter(b, 2 * b) - b);
}
} // namespace

TEST(Math, ExpIsWithinFewUlps) {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> wide(-700, 700), narrow(-1, 1);
  double worst = 0;
  for (int k = 0; k < 200000; ++k) {
    double x = k % 2 ? wide(rng) : narrow(rng);
    worst = std::max(worst, ulps(expDet(x), std::exp(x)));
  }
  EXPECT_LE(worst, 4.0);
  EXPECT_EQ(expDet(0.0), 1.0);
}

TEST(Math, LogsAreWithinFewUlps) {
  std::mt19937_64 rng(2);
  std::uniform_real_distribution<double> unit(1e-12, 1.0);
  double worstDet = 0, worstFast = 0;
  for (int k = 0; k < 200000; ++k) {
    double x = unit(rng);
    if (k % 3 == 0)
      x = std::ldexp(x, -int(k % 900));
    double ref = std::log(x);
    worstDet = std::max(worstDet, ulps(logDet(x), ref));
    worstFast = std::max(worstFast, std::abs(logFast(x) - ref) /
                                        std::max(1.0, std::abs(ref)));
  }
  EXPECT_LE(worstDet, 4.0);
  EXPECT_LE(worstFast, 1e-15);
  EXPECT_EQ(logDet(1.0), 0.0);
  EXPECT_NEAR(logFast(1.0), 0.0, 1e-16);
}
