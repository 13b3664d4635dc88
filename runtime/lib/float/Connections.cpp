//===- Connections.cpp - connections of the float reference ---------------===//
//
// Every connection scatters the non-zero elements of its input: a spike
// stream costs its spikes times their fan-out, never the whole matrix.
//
//===----------------------------------------------------------------------===//

#include "engine/Math.h"
#include "engine/Nodes.h"
#include "engine/Random.h"
#include "engine/SynapseList.h"
#include "float/FloatNodes.h"
#include "snnrt/Procedural.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace snnrt;

namespace {
/// A connection producing a current stream: either its own dense output,
/// cleared every step, or (fused) the input buffer of its one consumer.
class Connection : public Node {
public:
  bool canFuse() const override { return true; }

protected:
  /// Where this step's output goes.
  double *beginStep() {
    if (fusedTarget)
      return fusedTarget;
    std::fill(out.values.begin(), out.values.end(), 0.0);
    return out.values.data();
  }
};

/// Pair-based STDP on a stored weight matrix (target-major rows x cols),
/// with the post-synaptic spikes of the population that reads the output.
class Plasticity {
public:
  bool init(FieldReader &reader, Context &ctx, size_t self, size_t rows,
            size_t cols) {
    if (!reader.has("stdp"))
      return true;
    std::vector<double> p;
    if (!reader.f64s("stdp", 6, p))
      return false;
    enabled = true;
    aPlus = p[0];
    aMinus = p[1];
    decayPlus = expDet(-ctx.dt / p[2]);
    decayMinus = expDet(-ctx.dt / p[3]);
    wMin = p[4];
    wMax = p[5];
    xPre.assign(cols, 0.0);
    xPost.assign(rows, 0.0);
    for (size_t k = 0; k < ctx.nodes->size(); ++k) {
      const Node &node = *(*ctx.nodes)[k];
      if (std::find(node.inputs.begin(), node.inputs.end(), self) ==
          node.inputs.end())
        continue;
      if (post != SIZE_MAX || !node.isPopulation() || !node.out.spiking)
        return reader.fail("stdp needs exactly one spiking population "
                           "reading this connection");
      post = k;
    }
    if (post == SIZE_MAX)
      return reader.fail("stdp needs a spiking population reading this "
                         "connection");
    return true;
  }

  /// `weight(j, i)` returns a reference to the weight from i to j.
  template <typename WeightFn, typename RowFn, typename ColFn>
  void update(Context &ctx, const Stream &pre, WeightFn &&weight,
              RowFn &&forEachInRow, ColFn &&forEachInCol) {
    if (!enabled)
      return;
    for (double &x : xPre)
      x *= decayPlus;
    for (double &x : xPost)
      x *= decayMinus;
    auto clip = [&](float &w) {
      w = float(std::min(wMax, std::max(wMin, double(w))));
    };
    // Spikes of one step are simultaneous: both traces take them before
    // any update, so a pre and a post spike in the same step both
    // potentiate and depress.
    const Stream &postStream = (*ctx.nodes)[post]->out;
    pre.forEachNonZero([&](uint32_t i, double) { xPre[i] += 1.0; });
    for (uint32_t j : postStream.active)
      xPost[j] += 1.0;
    pre.forEachNonZero([&](uint32_t i, double) {
      forEachInCol(i, [&](size_t j, float &w) {
        w = float(w - aMinus * xPost[j]);
        clip(w);
      });
    });
    for (uint32_t j : postStream.active) {
      forEachInRow(j, [&](size_t i, float &w) {
        w = float(w + aPlus * xPre[i]);
        clip(w);
      });
    }
    (void)weight;
  }

private:
  bool enabled = false;
  double aPlus = 0, aMinus = 0, decayPlus = 1, decayMinus = 1, wMin = 0,
         wMax = 0;
  std::vector<double> xPre, xPost;
  size_t post = SIZE_MAX;
};

/// Linear and affine: y = W x (+ b). Weights kept source-major so that an
/// input element scatters one contiguous column.
class LinearNode : public Connection {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    m = out.size;
    const Stream &in = (*ctx.nodes)[inputs.at(0)]->out;
    nIn = in.size;
    std::vector<float> w;
    if (!reader.f32s("weight", m * nIn, w))
      return false;
    wT.resize(m * nIn);
    for (size_t j = 0; j < m; ++j)
      for (size_t i = 0; i < nIn; ++i)
        wT[i * m + j] = w[j * nIn + i];
    if (kind == "affine") {
      std::vector<float> b;
      if (!reader.f32s("bias", m, b))
        return false;
      bias.assign(b.begin(), b.end());
    }
    return stdp.init(reader, ctx, index, m, nIn);
  }
  void step(Context &ctx) override {
    double *dst = beginStep();
    input(ctx, 0).forEachNonZero([&](uint32_t i, double x) {
      const float *col = &wT[size_t(i) * m];
      for (size_t j = 0; j < m; ++j)
        dst[j] += col[j] * x;
      activity.synapticEvents += m;
    });
    for (size_t j = 0; j < bias.size(); ++j)
      dst[j] += bias[j];
  }
  void endStep(Context &ctx) override {
    stdp.update(
        ctx, input(ctx, 0), [](size_t, size_t) {},
        [&](size_t j, auto &&fn) {
          for (size_t i = 0; i < nIn; ++i)
            fn(i, wT[i * m + j]);
        },
        [&](size_t i, auto &&fn) {
          for (size_t j = 0; j < m; ++j)
            fn(j, wT[i * m + j]);
        });
  }
  bool readState(const std::string &name,
                 std::vector<double> &v) const override {
    if (name != "weight")
      return false;
    v.resize(m * nIn);
    for (size_t j = 0; j < m; ++j)
      for (size_t i = 0; i < nIn; ++i)
        v[j * nIn + i] = wT[i * m + j];
    return true;
  }
  uint64_t synapseBytes() const override {
    return wT.size() * sizeof(float) + bias.size() * sizeof(double);
  }
  uint64_t storedSynapses() const override { return wT.size(); }

private:
  size_t m = 0, nIn = 0;
  std::vector<float> wT;
  std::vector<double> bias;
  Plasticity stdp;
};

/// Explicit sparse synapses, rebuilt at load into a compact source-major
/// list (see SynapseList).
class SparseNode : public Connection {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    m = out.size;
    nIn = (*ctx.nodes)[inputs.at(0)]->out.size;
    int64_t format;
    std::vector<int64_t> rows, cols;
    if (!reader.i64("format", format) || !reader.i64s("rows", rows) ||
        !reader.i64s("cols", cols))
      return false;
    size_t nnz = cols.size();
    std::vector<float> w;
    if (!reader.f32s("weights", nnz, w))
      return false;
    std::vector<int64_t> target(nnz);
    if (format == 0) { // CSR by target
      if (rows.size() != m + 1)
        return reader.fail("CSR 'rows' needs " + std::to_string(m + 1) +
                           " offsets");
      for (size_t j = 0; j < m; ++j) {
        if (rows[j] < 0 || rows[j] > rows[j + 1] || size_t(rows[j + 1]) > nnz)
          return reader.fail("CSR row offsets are not monotonic in [0, nnz]");
        for (int64_t k = rows[j]; k < rows[j + 1]; ++k)
          target[k] = int64_t(j);
      }
    } else {
      if (rows.size() != nnz)
        return reader.fail("COO 'rows' needs one entry per synapse");
      target = rows;
    }
    std::vector<SynapseList::Synapse> synapses(nnz);
    for (size_t k = 0; k < nnz; ++k) {
      if (cols[k] < 0 || size_t(cols[k]) >= nIn || target[k] < 0 ||
          size_t(target[k]) >= m)
        return reader.fail("synapse " + std::to_string(k) + " is out of range");
      synapses[k] = {uint32_t(cols[k]), uint32_t(target[k]), w[k]};
    }
    list.build(nIn, std::move(synapses));
    return stdp.init(reader, ctx, index, m, nIn);
  }
  void step(Context &ctx) override {
    double *dst = beginStep();
    input(ctx, 0).forEachNonZero([&](uint32_t i, double x) {
      list.forEach(i, [&](uint32_t j, float w) { dst[j] += w * x; });
      activity.synapticEvents += list.fanOut(i);
    });
  }
  void endStep(Context &ctx) override {
    stdp.update(
        ctx, input(ctx, 0), [](size_t, size_t) {},
        [&](size_t j, auto &&fn) {
          // Synapses are grouped by source: a row is a scan of all of them.
          for (uint32_t i = 0; i < nIn; ++i)
            list.forEachMutable(i, [&](uint32_t t, float &w) {
              if (t == j)
                fn(i, w);
            });
        },
        [&](size_t i, auto &&fn) {
          list.forEachMutable(uint32_t(i),
                              [&](uint32_t t, float &w) { fn(t, w); });
        });
  }
  bool readState(const std::string &name,
                 std::vector<double> &v) const override {
    if (name != "weights")
      return false;
    v.clear();
    for (uint32_t i = 0; i < nIn; ++i)
      list.forEach(i, [&](uint32_t, float w) { v.push_back(w); });
    return true;
  }
  uint64_t synapseBytes() const override { return list.bytes(); }
  uint64_t storedSynapses() const override { return list.size(); }

private:
  size_t m = 0, nIn = 0;
  SynapseList list;
  Plasticity stdp;
};

/// Procedural synapses: generated from the seed on every spike. Fixed
/// probability draws each source's targets by geometric skipping; the weight
/// of (i, j) is a pure function of the seed and the pair. Fixed in-degree
/// chooses sources per target, so it is expanded once at load into CSR.
class ProceduralNode : public Connection {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    m = out.size;
    nIn = (*ctx.nodes)[inputs.at(0)]->out.size;
    int64_t autapses = 1;
    std::vector<double> dist;
    if (!reader.i64("connector", connector) || !reader.i64("seed", seed) ||
        !reader.f64s("weight", 3, dist) ||
        (reader.has("allow_autapses") && !reader.i64("allow_autapses", autapses)))
      return false;
    kindOfWeight = Dist(int(dist[0]));
    w0 = dist[1];
    w1 = dist[2];
    allowAutapses = autapses != 0;
    if (connector == 0) {
      if (!reader.f64("probability", probability))
        return false;
      if (!(probability >= 0 && probability <= 1))
        return reader.fail("probability must be in [0, 1]");
      inverseLogSkip =
          probability < 1 && probability > 0 ? 1.0 / logDet(1.0 - probability) : 0.0;
      blockSize = std::max<size_t>(1, (m + kBlocks - 1) / kBlocks);
      if (nIn > (size_t(1) << 32))
        return reader.fail("procedural connections are limited to 2^32 "
                           "sources");
      seedKey = mix64(uint64_t(seed) ^ 0x70c0d0ull);
    } else if (connector == 1) {
      int64_t k;
      if (!reader.i64("indegree", k))
        return false;
      if (k < 0 || size_t(k) > nIn)
        return reader.fail("indegree exceeds the number of sources");
      expandIndegree(size_t(k));
    } else if (connector == 2) {
      if (nIn != m)
        return reader.fail("one_to_one needs as many sources as targets");
    } else {
      return reader.fail("unknown connector " + std::to_string(connector));
    }
    return true;
  }

  double weightOf(uint64_t i, uint64_t j) const {
    return sample(kindOfWeight, w0, w1, uint64_t(seed) ^ 0x5157ull, i, j);
  }

  /// Targets of one source are drawn block by block: the targets split into
  /// kBlocks blocks of ceil(M / kBlocks), and each block's targets are found
  /// by geometric skips, floor(log(v) / log(1 - p)) with v uniform in
  /// (0, 1], from a counter stream keyed on (seed, source, block). Blocks
  /// are independent, so threads own disjoint blocks and the synapses do not
  /// depend on the thread count.
  static constexpr size_t kBlocks = 8;

  /// Calls fn(j) for every target j of source i in blocks [b0, b1).
  template <typename Fn>
  void targetsOf(uint32_t i, size_t b0, size_t b1, Fn &&fn) const {
    if (probability <= 0)
      return;
    for (size_t b = b0; b < b1; ++b) {
      int64_t start = int64_t(b * blockSize);
      int64_t end = std::min(int64_t(m), start + int64_t(blockSize));
      if (probability >= 1) {
        for (int64_t j = start; j < end; ++j)
          if (allowAutapses || j != int64_t(i))
            fn(size_t(j));
        continue;
      }
      // (source, block) fits in 52 bits (sources < 2^32, blocks < 2^20) and
      // mix64 is a bijection: every pair starts its own stream.
      uint64_t state = mix64(seedKey ^ ((uint64_t(i) << 20) | uint64_t(b)));
      for (int64_t j = start - 1;;) {
        state += 0x9E3779B97F4A7C15ull;
        double v = double((mix64(state) >> 11) + 1) * (1.0 / 9007199254740992.0);
        j += 1 + int64_t(logFast(v) * inverseLogSkip);
        if (j >= end)
          break;
        if (allowAutapses || j != int64_t(i))
          fn(size_t(j));
      }
    }
  }

  size_t numBlocks() const { return (m + blockSize - 1) / blockSize; }

  /// Calls fn(source, target, weight) for every synapse, by source.
  template <typename Fn> void forEachSynapse(Fn &&fn) const {
    for (uint32_t i = 0; i < uint32_t(nIn); ++i) {
      if (connector == 0)
        targetsOf(i, 0, numBlocks(),
                  [&](size_t j) { fn(i, uint32_t(j), weightOf(i, j)); });
      else if (connector == 1)
        expanded.forEach(i, [&](uint32_t j, float w) { fn(i, j, double(w)); });
      else
        fn(i, i, weightOf(i, i));
    }
  }

  void step(Context &ctx) override {
    stepRange(ctx, 0, 1);
    finishRange(ctx, 1);
  }

  /// Fixed probability splits the target blocks among threads; the other
  /// connectors run on the first thread.
  bool parallel() const override { return true; }
  bool finishPublishes() const override { return connector != 0; }

  void prepareThreads(size_t threads) override {
    eventsByThread.resize(threads);
  }

  void stepRange(Context &ctx, size_t thread, size_t threads) override {
    uint64_t events = 0;
    // Clearing a materialized output is split like the targets.
    size_t b0 = numBlocks() * thread / threads;
    size_t b1 = numBlocks() * (thread + 1) / threads;
    double *dst = fusedTarget ? fusedTarget : out.values.data();
    if (!fusedTarget)
      std::fill(dst + std::min(m, b0 * blockSize),
                dst + std::min(m, b1 * blockSize), 0.0);
    if (connector == 0) {
      input(ctx, 0).forEachNonZero([&](uint32_t i, double x) {
        targetsOf(i, b0, b1, [&](size_t j) {
          dst[j] += weightOf(i, j) * x;
          ++events;
        });
      });
    }
    eventsByThread[thread] = events;
  }

  void finishRange(Context &ctx, size_t threads) override {
    for (size_t t = 0; t < threads; ++t)
      activity.synapticEvents += eventsByThread[t];
    if (connector == 0)
      return;
    double *dst = fusedTarget ? fusedTarget : out.values.data();
    input(ctx, 0).forEachNonZero([&](uint32_t i, double x) {
      if (connector == 1) {
        expanded.forEach(i, [&](uint32_t j, float w) { dst[j] += w * x; });
        activity.synapticEvents += expanded.fanOut(i);
      } else {
        dst[i] += weightOf(i, i) * x;
        ++activity.synapticEvents;
      }
    });
  }

  uint64_t synapseBytes() const override { return expanded.bytes(); }
  uint64_t storedSynapses() const override { return expanded.size(); }

private:
  /// k distinct sources per target by a partial Fisher-Yates shuffle keyed
  /// on (seed, target).
  void expandIndegree(size_t k) {
    std::vector<SynapseList::Synapse> synapses;
    synapses.reserve(m * k);
    std::vector<uint32_t> pool(nIn);
    for (size_t j = 0; j < m; ++j) {
      for (size_t i = 0; i < nIn; ++i)
        pool[i] = uint32_t(i);
      size_t size = nIn;
      if (!allowAutapses && j < nIn) {
        std::swap(pool[j], pool[size - 1]);
        --size;
      }
      for (size_t d = 0; d < k && d < size; ++d) {
        size_t pick = d + size_t(uniform01(hash3(uint64_t(seed), j, d)) *
                                 double(size - d));
        std::swap(pool[d], pool[pick]);
        synapses.push_back(
            {pool[d], uint32_t(j), float(weightOf(pool[d], j))});
      }
    }
    expanded.build(nIn, std::move(synapses));
  }

  size_t m = 0, nIn = 0;
  int64_t connector = 0, seed = 0;
  double probability = 0, inverseLogSkip = 0, w0 = 0, w1 = 0;
  uint64_t seedKey = 0;
  size_t blockSize = 1;
  std::vector<uint64_t> eventsByThread = std::vector<uint64_t>(1);
  Dist kindOfWeight = Dist::constant;
  bool allowAutapses = true;
  SynapseList expanded;
};

/// Convolution with one stored kernel (1-d or 2-d), PyTorch semantics.
class ConvNode : public Connection {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    const Stream &in = (*ctx.nodes)[inputs.at(0)]->out;
    spatial = kind == "conv1d" ? 1 : 2;
    if (in.shape.size() != spatial + 1 || out.shape.size() != spatial + 1)
      return reader.fail("input and output need " +
                         std::to_string(spatial + 1) + " dimensions");
    std::vector<int64_t> wshape;
    if (!reader.i64s("weight_shape", wshape) || !reader.i64s("stride", stride) ||
        !reader.i64s("padding", padding) || !reader.i64s("dilation", dilation) ||
        !reader.i64("groups", groups))
      return false;
    if (wshape.size() != spatial + 2 || stride.size() != spatial ||
        padding.size() != spatial || dilation.size() != spatial || groups < 1)
      return reader.fail("inconsistent convolution parameters");
    cin = in.shape[0];
    cout = out.shape[0];
    inDims.assign(in.shape.begin() + 1, in.shape.end());
    outDims.assign(out.shape.begin() + 1, out.shape.end());
    kDims.assign(wshape.begin() + 2, wshape.end());
    cinPerGroup = wshape[1];
    if (cinPerGroup * groups != cin || cout % groups != 0)
      return reader.fail("channels do not match the groups");
    size_t count = 1;
    for (int64_t d : wshape)
      count *= size_t(d);
    if (!reader.f32s("weight", count, kernel))
      return false;
    if (reader.has("bias")) {
      std::vector<float> b;
      if (!reader.f32s("bias", size_t(cout), b))
        return false;
      bias.assign(b.begin(), b.end());
    }
    return true;
  }

  void step(Context &ctx) override {
    double *dst = beginStep();
    int64_t inW = spatial == 2 ? inDims[1] : 1;
    int64_t inPlane = inDims[0] * inW;
    int64_t outW = spatial == 2 ? outDims[1] : 1;
    int64_t outPlane = outDims[0] * outW;
    int64_t kH = kDims[0], kW = spatial == 2 ? kDims[1] : 1;
    int64_t coutPerGroup = cout / groups;
    input(ctx, 0).forEachNonZero([&](uint32_t index, double x) {
      int64_t c = index / inPlane, rest = index % inPlane;
      int64_t y = rest / inW, xx = rest % inW;
      int64_t g = c / cinPerGroup, cl = c % cinPerGroup;
      for (int64_t ky = 0; ky < kH; ++ky) {
        int64_t ny = y + padding[0] - ky * dilation[0];
        if (ny < 0 || ny % stride[0] != 0 || ny / stride[0] >= outDims[0])
          continue;
        int64_t oy = ny / stride[0];
        for (int64_t kx = 0; kx < kW; ++kx) {
          int64_t ox = 0;
          if (spatial == 2) {
            int64_t nx = xx + padding[1] - kx * dilation[1];
            if (nx < 0 || nx % stride[1] != 0 || nx / stride[1] >= outDims[1])
              continue;
            ox = nx / stride[1];
          }
          for (int64_t ol = 0; ol < coutPerGroup; ++ol) {
            int64_t oc = g * coutPerGroup + ol;
            float w = kernel[((oc * cinPerGroup + cl) * kH + ky) * kW + kx];
            dst[oc * outPlane + oy * outW + ox] += w * x;
          }
          activity.synapticEvents += coutPerGroup;
        }
      }
    });
    if (!bias.empty())
      for (int64_t oc = 0; oc < cout; ++oc)
        for (int64_t p = 0; p < outPlane; ++p)
          dst[oc * outPlane + p] += bias[oc];
  }
  uint64_t synapseBytes() const override {
    return kernel.size() * sizeof(float) + bias.size() * sizeof(double);
  }
  uint64_t storedSynapses() const override { return kernel.size(); }

private:
  size_t spatial = 2;
  int64_t cin = 0, cout = 0, cinPerGroup = 0, groups = 1;
  std::vector<int64_t> stride, padding, dilation, inDims, outDims, kDims;
  std::vector<float> kernel;
  std::vector<double> bias;
};

/// Calls fn(oy * outW + ox) for every window of a 2-d pooling that holds
/// input (y, x) of a plane.
template <typename Fn>
void forEachPoolWindow(int64_t y, int64_t x,
                       const std::vector<int64_t> &kernelSize,
                       const std::vector<int64_t> &stride,
                       const std::vector<int64_t> &padding, int64_t outH,
                       int64_t outW, Fn &&fn) {
  for (int64_t ky = 0; ky < kernelSize[0]; ++ky) {
    int64_t ny = y + padding[0] - ky;
    if (ny < 0 || ny % stride[0] != 0 || ny / stride[0] >= outH)
      continue;
    for (int64_t kx = 0; kx < kernelSize[1]; ++kx) {
      int64_t nx = x + padding[1] - kx;
      if (nx < 0 || nx % stride[1] != 0 || nx / stride[1] >= outW)
        continue;
      fn((ny / stride[0]) * outW + nx / stride[1]);
    }
  }
}

/// Sum and average pooling over 2-d windows of each channel.
class PoolNode : public Connection {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    const Stream &in = (*ctx.nodes)[inputs.at(0)]->out;
    if (!reader.i64s("kernel_size", kernelSize) || !reader.i64s("stride", stride) ||
        !reader.i64s("padding", padding))
      return false;
    if (in.shape.size() != 3 || out.shape.size() != 3 || kernelSize.size() != 2 ||
        stride.size() != 2 || padding.size() != 2)
      return reader.fail("pooling needs [C, H, W] streams and 2-d windows");
    inH = in.shape[1];
    inW = in.shape[2];
    outH = out.shape[1];
    outW = out.shape[2];
    scale = kind == "avg_pool2d" ? 1.0 / double(kernelSize[0] * kernelSize[1])
                                 : 1.0;
    return true;
  }
  void step(Context &ctx) override {
    double *dst = beginStep();
    input(ctx, 0).forEachNonZero([&](uint32_t index, double x) {
      int64_t c = index / (inH * inW), rest = index % (inH * inW);
      forEachPoolWindow(rest / inW, rest % inW, kernelSize, stride, padding,
                        outH, outW, [&](int64_t o) {
                          dst[c * outH * outW + o] += scale * x;
                          ++activity.synapticEvents;
                        });
    });
  }

private:
  int64_t inH = 0, inW = 0, outH = 0, outW = 0;
  double scale = 1;
  std::vector<int64_t> kernelSize, stride, padding;
};

/// Max pooling over 2-d windows of each channel, keeping the stream kind: a
/// window of a spike stream spikes with the largest payload among its
/// elements, a window of currents takes the largest value. Padded positions
/// belong to no window.
class MaxPoolNode : public Node {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    const Stream &in = (*ctx.nodes)[inputs.at(0)]->out;
    if (!reader.i64s("kernel_size", kernelSize) ||
        !reader.i64s("stride", stride) || !reader.i64s("padding", padding))
      return false;
    if (in.shape.size() != 3 || out.shape.size() != 3 ||
        kernelSize.size() != 2 || stride.size() != 2 || padding.size() != 2 ||
        in.shape[0] != out.shape[0])
      return reader.fail("pooling needs [C, H, W] streams and 2-d windows");
    if (in.spiking != out.spiking || in.payloadBits != out.payloadBits)
      return reader.fail("max pooling keeps the stream kind and payload");
    channels = in.shape[0];
    inH = in.shape[1];
    inW = in.shape[2];
    outH = out.shape[1];
    outW = out.shape[2];
    if (out.spiking)
      best.assign(out.size, 0);
    return true;
  }

  void step(Context &ctx) override {
    const Stream &in = input(ctx, 0);
    if (out.spiking)
      stepSpikes(in);
    else
      stepCurrents(in);
  }

private:
  void stepSpikes(const Stream &in) {
    out.active.clear();
    out.payload.clear();
    touched.clear();
    for (size_t k = 0; k < in.active.size(); ++k) {
      uint32_t index = in.active[k];
      uint32_t value = in.payload.empty() ? 1 : in.payload[k];
      int64_t c = index / (inH * inW), rest = index % (inH * inW);
      forEachPoolWindow(rest / inW, rest % inW, kernelSize, stride, padding,
                        outH, outW, [&](int64_t o) {
        size_t j = size_t(c * outH * outW + o);
        if (best[j] == 0)
          touched.push_back(uint32_t(j));
        best[j] = std::max(best[j], value);
        ++activity.synapticEvents;
      });
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t j : touched) {
      out.active.push_back(j);
      if (out.payloadBits)
        out.payload.push_back(best[j]);
      best[j] = 0;
    }
  }

  void stepCurrents(const Stream &in) {
    for (int64_t c = 0; c < channels; ++c)
      for (int64_t oy = 0; oy < outH; ++oy)
        for (int64_t ox = 0; ox < outW; ++ox) {
          double m = -std::numeric_limits<double>::infinity();
          for (int64_t ky = 0; ky < kernelSize[0]; ++ky) {
            int64_t iy = oy * stride[0] - padding[0] + ky;
            if (iy < 0 || iy >= inH)
              continue;
            for (int64_t kx = 0; kx < kernelSize[1]; ++kx) {
              int64_t ix = ox * stride[1] - padding[1] + kx;
              if (ix >= 0 && ix < inW)
                m = std::max(m, in.values[size_t((c * inH + iy) * inW + ix)]);
            }
          }
          out.values[size_t((c * outH + oy) * outW + ox)] = m;
        }
    activity.synapticEvents += out.size;
  }

  int64_t channels = 0, inH = 0, inW = 0, outH = 0, outW = 0;
  std::vector<int64_t> kernelSize, stride, padding;
  std::vector<uint32_t> best, touched;
};

/// Flatten: the same elements under a new shape, same stream kind.
class FlattenNode : public Node {
public:
  bool init(FieldReader &, Context &) override { return true; }
  void step(Context &ctx) override {
    const Stream &in = input(ctx, 0);
    out.active = in.active;
    out.payload = in.payload;
    if (!out.spiking)
      out.values = in.values;
  }
};

/// y = s * x with a scalar or per-element gain.
class ScaleNode : public Connection {
public:
  bool init(FieldReader &reader, Context &) override {
    std::vector<double> s;
    if (!reader.f64s("scale", out.size, s))
      return false;
    gain = s;
    return true;
  }
  void step(Context &ctx) override {
    double *dst = beginStep();
    input(ctx, 0).forEachNonZero(
        [&](uint32_t i, double x) { dst[i] += gain[i] * x; });
  }

private:
  std::vector<double> gain;
};
} // namespace

NodeKinds snnrt::floatConnectionKinds() {
  static constexpr NodeKind kinds[] = {
      {"linear", makeNode<LinearNode>},
      {"affine", makeNode<LinearNode>},
      {"sparse", makeNode<SparseNode>},
      {"procedural", makeNode<ProceduralNode>},
      {"conv1d", makeNode<ConvNode>},
      {"conv2d", makeNode<ConvNode>},
      {"sum_pool2d", makeNode<PoolNode>},
      {"avg_pool2d", makeNode<PoolNode>},
      {"max_pool2d", makeNode<MaxPoolNode>},
      {"flatten", makeNode<FlattenNode>},
      {"scale", makeNode<ScaleNode>},
  };
  return kinds;
}

bool snnrt::expandProcedural(const ProceduralRule &rule, size_t sources,
                             size_t targets,
                             std::vector<ProceduralSynapse> &out,
                             std::string &error) {
  // The emulator's own node, initialized from the fields of an image
  // record, enumerates its synapses.
  ImageWriter writer;
  writer.beginRecord();
  writer.addI64("connector", {rule.connector});
  writer.addI64("seed", {rule.seed});
  writer.addF64("weight", {double(rule.weightKind), rule.w0, rule.w1});
  writer.addI64("allow_autapses", {rule.allowAutapses ? 1 : 0});
  writer.addF64("probability", {rule.probability});
  writer.addI64("indegree", {rule.indegree});
  std::vector<Record> records = writer.takeRecords();
  std::vector<std::unique_ptr<Node>> nodes;
  nodes.push_back(std::make_unique<InputNode>());
  nodes[0]->out.size = sources;
  ProceduralNode node;
  node.inputs = {0};
  node.mode = {kSameStep};
  node.out.size = targets;
  Context ctx{&nodes, 1.0};
  FieldReader reader(records[0], "procedural", error);
  if (!node.init(reader, ctx))
    return false;
  out.clear();
  node.forEachSynapse([&](uint32_t i, uint32_t j, double w) {
    out.push_back({i, j, w});
  });
  return true;
}
