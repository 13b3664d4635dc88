//===- TrueNorthCore.cpp - the tick of a TrueNorth core -------------------===//
//
// Cassidy et al. 2013's neuron in the order of docs/formats/truenorth.md:
// the draws of the core's one PRNG follow that order exactly, so that a
// stochastic run is a function of the tables alone.
//
//===----------------------------------------------------------------------===//

#include "truenorth/TrueNorthCore.h"

#include <cstdlib>

using namespace snnrt::truenorth;

namespace {
/// Calls fn(j) for every set bit j, ascending.
template <typename Fn> void forEachBit(const Bits &bits, Fn &&fn) {
  for (size_t w = 0; w < bits.size(); ++w)
    for (uint64_t b = bits[w]; b; b &= b - 1)
      fn(int(w * 64) + __builtin_ctzll(b));
}
} // namespace

void CoreModel::prepare() {
  weight = {};
  stochastic = {};
  for (int j = 0; j < kNeuronsPerCore; ++j) {
    if (typeOf[j] < 0)
      continue;
    const NeuronType &t = types[size_t(typeOf[j])];
    for (int k = 0; k < kAxonTypes; ++k) {
      weight[k][j] = t.weights[k];
      if (t.stochasticWeight[k])
        setBit(stochastic[k], j);
    }
  }
}

uint64_t CoreModel::tick(const Bits &active, std::vector<uint32_t> &fired) {
  uint64_t events = 0;
  forEachBit(active, [&](int axon) {
    int64_t k = axonType[axon];
    const int64_t *w = weight[k].data();
    for (size_t u = 0; u < Bits().size(); ++u) {
      uint64_t bits = reach[axon][u];
      uint64_t random = bits & stochastic[k][u];
      events += uint64_t(__builtin_popcountll(bits));
      for (; bits; bits &= bits - 1) {
        int j = int(u * 64) + __builtin_ctzll(bits);
        if (!((random >> (j & 63)) & 1))
          v[j] = saturate(v[j] + w[j]);
        else if (std::llabs(w[j]) >= prng.draw())
          v[j] = saturate(v[j] + sign(w[j]));
      }
    }
  });
  for (int j = 0; j < kNeuronsPerCore; ++j)
    if (typeOf[j] >= 0 && update(j))
      fired.push_back(uint32_t(j));
  return events;
}

bool CoreModel::update(int j) {
  const NeuronType &t = types[size_t(typeOf[j])];
  int64_t x = v[j];
  // Omega = sigma_lambda (1 - epsilon) + sgn(V) sigma_lambda epsilon.
  int64_t omega = t.leakReversal ? sign(x) * t.sigmaLambda : t.sigmaLambda;
  if (!t.stochasticLeak)
    x = saturate(x + omega * t.lambda);
  else if (t.lambda >= prng.draw())
    x = saturate(x + omega);
  int64_t eta =
      t.maskBits > 0 ? prng.draw() & ((int64_t(1) << t.maskBits) - 1) : 0;
  bool fires = x >= t.alpha + eta;
  if (fires) {
    if (t.gamma == kResetNormal)
      x = t.reset;
    else if (t.gamma == kResetLinear)
      x -= t.alpha + eta;
  } else if (t.kappa && x < -t.beta) {
    x = -t.beta;
  } else if (!t.kappa && x < -(t.beta + eta)) {
    if (t.gamma == kResetNormal)
      x = -t.reset;
    else if (t.gamma == kResetLinear)
      x += t.beta + eta;
  }
  v[j] = saturate(x);
  return fires;
}

void snnrt::truenorth::packType(const NeuronType &t,
                                std::vector<int64_t> &out) {
  int64_t flags = 0;
  for (int k = 0; k < kAxonTypes; ++k)
    flags |= int64_t(t.stochasticWeight[k]) << k;
  out.insert(out.end(),
             {t.weights[0], t.weights[1], t.weights[2], t.weights[3], flags,
              t.sigmaLambda, t.lambda, int64_t(t.stochasticLeak),
              int64_t(t.leakReversal), t.alpha, t.beta, t.maskBits, t.gamma,
              int64_t(t.kappa), t.reset, t.initial});
}

bool snnrt::truenorth::unpackType(const int64_t *row, NeuronType &t,
                                  std::string &why) {
  static const struct {
    const char *name;
    int64_t lo, hi;
  } columns[kTypeColumns] = {
      {"w0", kMinWeight, kMaxWeight},
      {"w1", kMinWeight, kMaxWeight},
      {"w2", kMinWeight, kMaxWeight},
      {"w3", kMinWeight, kMaxWeight},
      {"stochastic weights", 0, (1 << kAxonTypes) - 1},
      {"sigma_lambda", -1, 1},
      {"lambda", 0, kMaxLeak},
      {"c_lambda", 0, 1},
      {"epsilon", 0, 1},
      {"alpha", 0, kMaxThreshold},
      {"beta", 0, kMaxNegativeThreshold},
      {"TM", 0, kMaxThresholdMaskBits},
      {"gamma", kResetNormal, kResetNone},
      {"kappa", 0, 1},
      {"R", -kMaxMembrane, kMaxMembrane},
      {"V", kMinMembrane, kMaxMembrane},
  };
  for (size_t c = 0; c < kTypeColumns; ++c)
    if (row[c] < columns[c].lo || row[c] > columns[c].hi) {
      why = std::string(columns[c].name) + " is " + std::to_string(row[c]) +
            ", outside " + std::to_string(columns[c].lo) + ".." +
            std::to_string(columns[c].hi);
      return false;
    }
  for (int k = 0; k < kAxonTypes; ++k) {
    t.weights[k] = row[k];
    t.stochasticWeight[k] = (row[4] >> k) & 1;
  }
  t.sigmaLambda = row[5];
  t.lambda = row[6];
  t.stochasticLeak = row[7];
  t.leakReversal = row[8];
  t.alpha = row[9];
  t.beta = row[10];
  t.maskBits = row[11];
  t.gamma = row[12];
  t.kappa = row[13];
  t.reset = row[14];
  t.initial = row[15];
  return true;
}
