//===- ConnectionTest.cpp - connections against direct computation -------===//

#include "TestImages.h"

#include <cmath>
#include <random>
#include <set>

using namespace snnrt;
using namespace snnrt::test;

namespace {
std::vector<float> randomFloats(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-1, 1);
  std::vector<float> v(n);
  for (float &x : v)
    x = dist(rng);
  return v;
}

void feed(Network &net, const std::vector<double> &values) {
  std::string error;
  ASSERT_TRUE(net.setInputValues(0, values.data(), values.size(), error))
      << error;
}

void spike(Network &net, std::vector<uint32_t> indices) {
  std::string error;
  ASSERT_TRUE(
      net.setInputSpikes(0, indices.data(), nullptr, indices.size(), error))
      << error;
}
} // namespace

TEST(Connections, Conv2dMatchesTheDirectSum) {
  const int64_t cin = 4, h = 9, wd = 7, cout = 6, kh = 3, kw = 2, groups = 2;
  const int64_t sh = 2, sw = 1, ph = 1, pw = 0, dh = 1, dw = 2;
  const int64_t oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
  const int64_t ow = (wd + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
  std::vector<float> kernel = randomFloats(cout * (cin / groups) * kh * kw, 1);
  std::vector<float> bias = randomFloats(cout, 2);
  TestImage image(1.0, {1});
  image.node("input", {}, {cin, h, wd}, false);
  image.node("conv2d", {0}, {cout, oh, ow}, false, [&](ImageWriter &w) {
    w.addF32("weight", kernel);
    w.addI64("weight_shape", {cout, cin / groups, kh, kw});
    w.addF32("bias", bias);
    w.addI64("stride", {sh, sw});
    w.addI64("padding", {ph, pw});
    w.addI64("dilation", {dh, dw});
    w.addI64("groups", {groups});
  });
  auto net = image.load();
  std::vector<float> inF = randomFloats(cin * h * wd, 3);
  std::vector<double> in(inF.begin(), inF.end());
  feed(*net, in);
  net->step();
  const std::vector<double> &out = net->output(0).values;
  int64_t cpg = cin / groups, opg = cout / groups;
  for (int64_t oc = 0; oc < cout; ++oc)
    for (int64_t y = 0; y < oh; ++y)
      for (int64_t x = 0; x < ow; ++x) {
        double sum = bias[oc];
        int64_t g = oc / opg;
        for (int64_t c = 0; c < cpg; ++c)
          for (int64_t ky = 0; ky < kh; ++ky)
            for (int64_t kx = 0; kx < kw; ++kx) {
              int64_t iy = y * sh - ph + ky * dh, ix = x * sw - pw + kx * dw;
              if (iy < 0 || iy >= h || ix < 0 || ix >= wd)
                continue;
              sum += double(kernel[((oc * cpg + c) * kh + ky) * kw + kx]) *
                     in[((g * cpg + c) * h + iy) * wd + ix];
            }
        ASSERT_NEAR(out[(oc * oh + y) * ow + x], sum, 1e-9)
            << oc << "," << y << "," << x;
      }
}

TEST(Connections, PoolingSumsAndAverages) {
  for (std::string kind : {"sum_pool2d", "avg_pool2d"}) {
    TestImage image(1.0, {1});
    image.node("input", {}, {1, 4, 4}, false);
    image.node(kind, {0}, {1, 2, 2}, false, [](ImageWriter &w) {
      w.addI64("kernel_size", {2, 2});
      w.addI64("stride", {2, 2});
      w.addI64("padding", {0, 0});
    });
    auto net = image.load();
    std::vector<double> in(16);
    for (int i = 0; i < 16; ++i)
      in[i] = i;
    feed(*net, in);
    net->step();
    double scale = kind == "avg_pool2d" ? 0.25 : 1.0;
    std::vector<double> expected{10 * scale, 18 * scale, 42 * scale, 50 * scale};
    EXPECT_EQ(net->output(0).values, expected) << kind;
  }
}

TEST(Connections, LinearScattersOnlySpikingColumns) {
  std::vector<float> w{1, 2, 3, 4, 5, 6}; // 2 x 3
  TestImage image(1.0, {1});
  image.node("input", {}, {3}, true);
  image.node("linear", {0}, {2}, false,
             [&](ImageWriter &wr) { wr.addF32("weight", w); });
  auto net = image.load();
  spike(*net, {0, 2});
  net->step();
  EXPECT_EQ(net->output(0).values, (std::vector<double>{4, 10}));
  // Work is spikes x fan-out: two columns of two rows.
  EXPECT_EQ(net->nodeInfo()[1].activity.synapticEvents, 4u);
}

TEST(Connections, SparseCSRAndCOOAgree) {
  // Targets 0..2, sources 0..3: (0<-1: 0.5), (2<-0: -1), (2<-3: 2).
  auto run = [](int64_t format, std::vector<int64_t> rows,
                std::vector<int64_t> cols, std::vector<float> w) {
    TestImage image(1.0, {1});
    image.node("input", {}, {4}, true);
    image.node("sparse", {0}, {3}, false, [&](ImageWriter &wr) {
      wr.addI64("format", {format});
      wr.addI64("rows", rows);
      wr.addI64("cols", cols);
      wr.addF32("weights", w);
    });
    auto net = image.load();
    spike(*net, {0, 1, 3});
    net->step();
    return net->output(0).values;
  };
  auto csr = run(0, {0, 1, 1, 3}, {1, 0, 3}, {0.5f, -1.f, 2.f});
  auto coo = run(1, {2, 0, 2}, {3, 1, 0}, {2.f, 0.5f, -1.f});
  EXPECT_EQ(csr, (std::vector<double>{0.5, 0, 1}));
  EXPECT_EQ(coo, csr);
}

TEST(Connections, ProceduralFixedProbabilityIsSeededAndHasItsRate) {
  const int64_t n = 2000, m = 3000;
  const double p = 0.02;
  auto make = [&](int64_t seed) {
    TestImage image(1.0, {1});
    image.node("input", {}, {n}, true);
    image.node("procedural", {0}, {m}, false, [&](ImageWriter &w) {
      w.addI64("connector", {0});
      w.addF64("probability", {p});
      w.addI64("seed", {seed});
      w.addF64("weight", {0, 1.0, 0}); // constant 1
    });
    return image.load();
  };
  auto a = make(5), b = make(5), c = make(6);
  std::vector<uint32_t> all(n);
  for (int64_t i = 0; i < n; ++i)
    all[i] = uint32_t(i);
  for (auto *net : {a.get(), b.get(), c.get()}) {
    spike(*net, all);
    net->step();
  }
  EXPECT_EQ(a->output(0).values, b->output(0).values);
  EXPECT_NE(a->output(0).values, c->output(0).values);
  // In-degree of each target is Binomial(n, p): check the mean and spread.
  double mean = 0, var = 0;
  for (double v : a->output(0).values)
    mean += v / m;
  for (double v : a->output(0).values)
    var += (v - mean) * (v - mean) / m;
  double expectedMean = n * p, expectedVar = n * p * (1 - p);
  EXPECT_NEAR(mean, expectedMean, 5 * std::sqrt(expectedVar / m));
  EXPECT_NEAR(var, expectedVar, 0.15 * expectedVar);
  EXPECT_EQ(a->storedSynapses(), 0u);
  EXPECT_EQ(a->synapseBytes(), 0u);
}

TEST(Connections, ProceduralFixedIndegreeHasExactlyK) {
  const int64_t n = 50, m = 40, k = 7;
  TestImage image(1.0, {1});
  image.node("input", {}, {n}, true);
  image.node("procedural", {0}, {m}, false, [&](ImageWriter &w) {
    w.addI64("connector", {1});
    w.addI64("indegree", {k});
    w.addI64("seed", {3});
    w.addI64("allow_autapses", {0});
    w.addF64("weight", {0, 1.0, 0});
  });
  auto net = image.load();
  std::vector<uint32_t> all(n);
  for (int64_t i = 0; i < n; ++i)
    all[i] = uint32_t(i);
  spike(*net, all);
  net->step();
  for (double v : net->output(0).values)
    EXPECT_EQ(v, double(k));
  // Without autapses, target j never receives from source j.
  for (uint32_t j = 0; j < uint32_t(m); ++j) {
    spike(*net, {j});
    net->step();
    EXPECT_EQ(net->output(0).values[j], 0.0) << j;
  }
}

TEST(Connections, ProceduralLognormalWeightsHaveTheirMoments) {
  const int64_t n = 400;
  TestImage image(1.0, {1});
  image.node("input", {}, {n}, true);
  image.node("procedural", {0}, {n}, false, [&](ImageWriter &w) {
    w.addI64("connector", {2}); // one_to_one
    w.addI64("seed", {9});
    w.addF64("weight", {3, -0.5, 0.4}); // lognormal(mu, sigma)
  });
  auto net = image.load();
  std::vector<uint32_t> all(n);
  for (int64_t i = 0; i < n; ++i)
    all[i] = uint32_t(i);
  spike(*net, all);
  net->step();
  double meanLog = 0;
  for (double v : net->output(0).values) {
    ASSERT_GT(v, 0.0);
    meanLog += std::log(v) / n;
  }
  EXPECT_NEAR(meanLog, -0.5, 5 * 0.4 / std::sqrt(double(n)));
}

TEST(Connections, DelayShiftsByItsSteps) {
  TestImage image(1.0, {1});
  image.node("input", {}, {3}, true);
  image.node("delay", {0}, {3}, true,
             [](ImageWriter &w) { w.addI64("steps", {0, 2, 5}); });
  auto net = image.load();
  std::vector<std::vector<uint32_t>> seen;
  for (int t = 0; t < 8; ++t) {
    if (t == 0)
      spike(*net, {0, 1, 2});
    net->step();
    seen.push_back(net->output(0).active);
  }
  EXPECT_EQ(seen[0], (std::vector<uint32_t>{0}));
  EXPECT_EQ(seen[2], (std::vector<uint32_t>{1}));
  EXPECT_EQ(seen[5], (std::vector<uint32_t>{2}));
  for (int t : {1, 3, 4, 6, 7})
    EXPECT_TRUE(seen[t].empty()) << t;
}

namespace {
/// An IF neuron driven by a current input and by its own spikes through a
/// linear self-connection of weight `w`; returns spikes per step.
std::vector<int> selfExcitation(float w, int steps) {
  TestImage image(1.0, {1});
  image.node("input", {}, {1}, false);
  image.node("if", {0, 2}, {1}, true,
             [](ImageWriter &wr) {
               wr.addF64("c.gain", {1.0});
               wr.addF64("v_threshold", {1.0});
             },
             {kSameStep, kPreviousStep});
  image.node("linear", {1}, {1}, false,
             [&](ImageWriter &wr) { wr.addF32("weight", {w}); });
  auto net = image.load();
  std::vector<int> fired;
  for (int t = 0; t < steps; ++t) {
    double drive = t == 0 ? 1.5 : 0.0;
    std::string error;
    EXPECT_TRUE(net->setInputValues(0, &drive, 1, error));
    net->step();
    fired.push_back(int(net->output(0).active.size()));
  }
  return fired;
}
} // namespace

// A population's recurrent input carries its own spikes of the previous step.
TEST(Connections, RecurrentInputsReadThePreviousStep) {
  EXPECT_EQ(selfExcitation(1.5f, 4), (std::vector<int>{1, 1, 1, 1}));
  EXPECT_EQ(selfExcitation(0.5f, 4), (std::vector<int>{1, 0, 0, 0}));
}

TEST(Connections, SameStepInputsMustComeFirst) {
  TestImage image(1.0, {1});
  image.node("input", {}, {1}, false);
  image.node("if", {0, 2}, {1}, true, [](ImageWriter &wr) {
    wr.addF64("c.gain", {1.0});
    wr.addF64("v_threshold", {1.0});
  });
  image.node("linear", {1}, {1}, false,
             [](ImageWriter &wr) { wr.addF32("weight", {1.0f}); });
  EXPECT_EQ(image.loadError(), "node 'if_1': input 1 refers to node 2, which "
                               "is not evaluated before it");
}

namespace {
/// Pre spike at `preStep`, post spike forced at `postStep`; returns the
/// weight after both.
double stdpWeight(int preStep, int postStep, double aPlus, double aMinus,
                  double tau) {
  TestImage image(1.0, {3});
  image.node("input", {}, {1}, true);  // 0: pre
  image.node("input", {}, {1}, false); // 1: drive of the post neuron
  image.node("linear", {0}, {1}, false, [&](ImageWriter &w) {
    w.addF32("weight", {0.01f});
    w.addF64("stdp", {aPlus, aMinus, tau, tau, -1.0, 1.0});
  });
  image.node("if", {2, 1}, {1}, true, [](ImageWriter &w) {
    w.addF64("c.gain", {1.0});
    w.addF64("v_threshold", {0.5});
  });
  image.probe("w", 2, "weight");
  auto net = image.load();
  std::string error;
  for (int t = 0; t <= std::max(preStep, postStep); ++t) {
    if (t == preStep)
      spike(*net, {0});
    double drive = t == postStep ? 1.0 : 0.0;
    EXPECT_TRUE(net->setInputValues(1, &drive, 1, error)) << error;
    net->step();
    EXPECT_EQ(net->output(0).active.size(), t == postStep ? 1u : 0u) << t;
  }
  std::vector<double> w;
  net->readProbe(0, w);
  return w.at(0);
}
} // namespace

// Pre 3 steps before post potentiates by a_plus exp(-3 dt / tau_plus); the
// reverse order depresses by a_minus exp(-3 dt / tau_minus); together in
// one step, both.
TEST(Connections, STDPFollowsThePairRule) {
  double aPlus = 0.1, aMinus = 0.12, tau = 20;
  EXPECT_NEAR(stdpWeight(0, 3, aPlus, aMinus, tau),
              0.01 + aPlus * std::exp(-3.0 / tau), 1e-6);
  EXPECT_NEAR(stdpWeight(3, 0, aPlus, aMinus, tau),
              0.01 - aMinus * std::exp(-3.0 / tau), 1e-6);
  // Spikes of the same step are simultaneous: both updates, full size.
  EXPECT_NEAR(stdpWeight(2, 2, aPlus, aMinus, tau), 0.01 + aPlus - aMinus,
              1e-6);
}

// The scale-and-fire neuron equals T steps of IF with reset by subtraction
// under the same input (the time-space equivalence), count and residue.
TEST(Connections, MaxPoolingKeepsTheStreamKind) {
  // Currents: the largest element of each window; the padding before each
  // axis (1 row on top) takes part in no window.
  {
    TestImage image(1.0, {1});
    image.node("input", {}, {1, 3, 4}, false);
    image.node("max_pool2d", {0}, {1, 2, 2}, false, [](ImageWriter &w) {
      w.addI64("kernel_size", {2, 2});
      w.addI64("stride", {2, 2});
      w.addI64("padding", {1, 0});
    });
    auto net = image.load();
    feed(*net, {-1, -2, -3, -4, 5, -6, 7, 8, -9, 10, -11, -12});
    net->step();
    // Windows: rows {pad, 0} and {1, 2}, columns {0, 1} and {2, 3}.
    EXPECT_EQ(net->output(0).values, (std::vector<double>{-1, -3, 10, 8}));
  }
  // Graded spikes: the largest payload of each window, in index order.
  {
    TestImage image(1.0, {1});
    image.node("input", {}, {2, 2, 2}, true, {}, {}, 4);
    image.node("max_pool2d", {0}, {2, 1, 1}, true,
               [](ImageWriter &w) {
                 w.addI64("kernel_size", {2, 2});
                 w.addI64("stride", {2, 2});
                 w.addI64("padding", {0, 0});
               },
               {}, 4);
    auto net = image.load();
    std::vector<uint32_t> indices{7, 1, 2}, payloads{9, 3, 12};
    std::string error;
    ASSERT_TRUE(net->setInputSpikes(0, indices.data(), payloads.data(), 3,
                                    error))
        << error;
    net->step();
    EXPECT_EQ(net->output(0).active, (std::vector<uint32_t>{0, 1}));
    EXPECT_EQ(net->output(0).payload, (std::vector<uint32_t>{12, 9}));
    net->step(); // no input: no spike
    EXPECT_TRUE(net->output(0).active.empty());
  }
}

TEST(Connections, QReLUQuantizesAndSaturates) {
  TestImage image(1.0, {1});
  image.node("input", {}, {7}, false);
  image.node("qrelu", {0}, {7}, true,
             [](ImageWriter &w) {
               w.addF64("v_step", {0.5});
               w.addF64("v_threshold", {0.25});
               w.addI64("bits", {2});
             },
             {}, 2);
  auto net = image.load();
  // floor((x - 0.25) / 0.5): -1 -> <0, 0.7 -> 0, 0.75 -> 1, 1.2 -> 1,
  // 1.25 -> 2, 1.8 -> 3, 100 -> 3 (saturated at 2^2 - 1).
  feed(*net, {-1, 0.7, 0.75, 1.2, 1.25, 1.8, 100});
  net->step();
  EXPECT_EQ(net->output(0).active, (std::vector<uint32_t>{2, 3, 4, 5, 6}));
  EXPECT_EQ(net->output(0).payload, (std::vector<uint32_t>{1, 1, 2, 3, 3}));
}

TEST(Connections, SFNEqualsTStepsOfIF) {
  const int64_t n = 64, levels = 5;
  TestImage sfnImage(1.0, {1});
  sfnImage.node("input", {}, {n}, false);
  sfnImage.node("sfn", {0}, {n}, true,
                [&](ImageWriter &w) {
                  w.addI64("levels", {levels});
                  w.addF64("v_threshold", {1.0});
                  w.addI64("reset", {1});
                },
                {}, 3);
  sfnImage.probe("v", 1, "v");
  TestImage ifImage(1.0, {1});
  ifImage.node("input", {}, {n}, false);
  ifImage.node("if", {0}, {n}, true, [&](ImageWriter &w) {
    w.addF64("c.gain", {1.0});
    w.addF64("v_threshold", {1.0});
    w.addI64("reset", {1});
  });
  ifImage.probe("v", 1, "v");
  auto sfn = sfnImage.load();
  auto ifNet = ifImage.load();
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> dist(-0.3, 1.4);
  for (int step = 0; step < 20; ++step) {
    std::vector<double> x(n);
    for (double &v : x)
      v = dist(rng);
    feed(*sfn, x);
    sfn->step();
    std::vector<uint32_t> ifCounts(n, 0);
    feed(*ifNet, x);
    for (int64_t t = 0; t < levels; ++t) {
      ifNet->step();
      for (uint32_t i : ifNet->output(0).active)
        ++ifCounts[i];
    }
    std::vector<uint32_t> sfnCounts(n, 0);
    const Stream &out = sfn->output(0);
    for (size_t k = 0; k < out.active.size(); ++k)
      sfnCounts[out.active[k]] = out.payload[k];
    ASSERT_EQ(sfnCounts, ifCounts) << "step " << step;
    std::vector<double> vs, vi;
    sfn->readProbe(0, vs);
    ifNet->readProbe(0, vi);
    ASSERT_EQ(vs, vi) << "step " << step;
  }
}

// Threads split populations and procedural targets; the spikes and every
// state value stay identical to one thread, bit for bit.
TEST(Threads, ResultsDoNotDependOnTheThreadCount) {
  auto make = [] {
    const int64_t n = 3000;
    TestImage image(0.1, {1});
    image.node("input", {}, {n}, true);
    image.node("cond_lif", {0, 2}, {n}, true,
               [&](ImageWriter &w) {
                 w.addI64("channels", {2});
                 w.addI64("input_channels", {0, 1});
                 w.addF64("c.alpha_syn", {0.98, 0.99});
                 w.addF64("c.dt_over_c", {0.5});
                 w.addF64("e_rev", {0, -80});
                 w.addF64("g_leak", {0.01});
                 w.addF64("e_leak", {-60});
                 w.addF64("v_threshold", {-50});
                 w.addF64("v_reset", {-60});
                 w.addF64("c.refractory_steps", {50});
                 w.addF64("init.v.dist", {2, -55, 5});
                 w.addF64("init.g0.dist", {2, 0.04, 0.015});
                 w.addI64("seed", {3});
               },
               {kSameStep, kPreviousStep});
    image.node("procedural", {1}, {n}, false, [&](ImageWriter &w) {
      w.addI64("connector", {0});
      w.addF64("probability", {0.02});
      w.addI64("seed", {8});
      w.addF64("weight", {0, 0.004, 0});
    });
    image.probe("v", 1, "v");
    return image.load();
  };
  std::vector<std::vector<double>> traces;
  std::vector<std::vector<uint32_t>> spikes;
  for (size_t threads : {1, 2, 3}) {
    auto net = make();
    std::string error;
    ASSERT_TRUE(net->setThreads(threads, error)) << error;
    std::vector<uint32_t> all;
    std::vector<double> v;
    for (int t = 0; t < 300; ++t) {
      if (t % 10 == 0)
        spike(*net, {1, 5, 9, 77, 1200, 2999});
      net->step();
      all.insert(all.end(), net->output(0).active.begin(),
                 net->output(0).active.end());
    }
    net->readProbe(0, v);
    traces.push_back(v);
    spikes.push_back(all);
  }
  EXPECT_GT(spikes[0].size(), 100u);
  EXPECT_EQ(spikes[1], spikes[0]);
  EXPECT_EQ(spikes[2], spikes[0]);
  EXPECT_EQ(traces[1], traces[0]);
  EXPECT_EQ(traces[2], traces[0]);
}

TEST(Threads, RejectsZero) {
  TestImage image(1.0, {});
  image.node("input", {}, {1}, true);
  auto net = image.load();
  std::string error;
  EXPECT_FALSE(net->setThreads(0, error));
  EXPECT_EQ(error, "the thread count must be in [1, 256], got 0");
}
