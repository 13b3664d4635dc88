//===- UnitsTest.cpp - the unit table and number formatting ---------------===//

#include "dialects/SNN/Units.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace snnc::snn::units;

TEST(Units, ConvertsToInternalUnits) {
  auto s = lookup("s");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->dim, Dim::time);
  EXPECT_EQ(toInternal(0.02, s->exponent), 20.0);
  auto pf = lookup("pF");
  ASSERT_TRUE(pf);
  EXPECT_EQ(pf->dim, Dim::capacitance);
  EXPECT_EQ(toInternal(200.0, pf->exponent), 0.2);
  auto ns = lookup("nS");
  ASSERT_TRUE(ns);
  EXPECT_EQ(toInternal(6.0, ns->exponent), 0.006);
}

TEST(Units, MicroHasTwoSpellings) {
  auto ascii = lookup("uS");
  auto greek = lookup("µS");
  ASSERT_TRUE(ascii && greek);
  EXPECT_EQ(ascii->dim, greek->dim);
  EXPECT_EQ(ascii->exponent, greek->exponent);
}

TEST(Units, RejectsUnknownAndCaseMismatch) {
  EXPECT_FALSE(lookup("parsec"));
  EXPECT_FALSE(lookup("MS")); // not mS: units are case-sensitive
  EXPECT_FALSE(lookup(""));
}

TEST(Units, InternalUnitNames) {
  EXPECT_EQ(internalUnit(Dim::time), "ms");
  EXPECT_EQ(internalUnit(Dim::conductance), "uS");
  EXPECT_EQ(internalUnit(Dim::resistance), "MOhm");
  EXPECT_EQ(internalUnit(Dim::dimensionless), "");
}

TEST(Units, FormatRoundTrips) {
  for (double v : {20.0, 0.1, -65.0, 1e-5, 0.9048374180359595, 3.0e12}) {
    std::string text = formatDouble(v);
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), v) << text;
  }
  EXPECT_EQ(formatDouble(20.0), "20");
  EXPECT_EQ(formatDouble(0.1), "0.1");
}
