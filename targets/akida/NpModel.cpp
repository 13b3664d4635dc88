//===- NpModel.cpp - neural processors per Akida layer --------------------===//
//
// The NPs MetaTF's mapper (akida 2.19.3) gives each layer on an AKD1000, as
// a model fitted to the mapper's answers on a virtual AKD1000:
//
//   NPs = ceil(filters / F_cap) * T
//
// F_cap, the filters one CNP holds, comes from the NP's weight memory (a
// closed form for Convolutional, a measured table for SeparableConvolutional);
// T, the spatial tiles, is the fewest that fit the NP's input buffer. AllNps
// replays MetaTF's bisection on the filters-per-CNP cap over the whole model.
// Every constant here was measured on that mapper.
//
//===----------------------------------------------------------------------===//

#include "targets/akida/NpModel.h"

#include <cassert>

#include <algorithm>
#include <iterator>

using namespace snnc::akida;

std::optional<MapMode> snnc::akida::parseMapMode(const std::string &name) {
  if (name == "minimal")
    return MapMode::minimal;
  if (name == "all-nps")
    return MapMode::allNps;
  return std::nullopt;
}

const char *snnc::akida::mapModeName(MapMode mode) {
  return mode == MapMode::minimal ? "Minimal" : "AllNps";
}

namespace {

/// Bytes of weight memory per NP (kNpWeightBytes): the device's
/// `mesh.np_sram_size` weight_bytes, and the largest per-NP weight_size the
/// mapper reported.
constexpr int64_t kWeightBytes = kNpWeightBytes;
/// Bits of input buffer per NP: the device's input_bytes (43008) in bits. A
/// 24 x 224 x 16 tile of 4-bit inputs fills it exactly.
constexpr int64_t kInputBufferBits = 344064;
/// Filters per CNP at most: `MapConstraints.cnp_max_filters`, the upper end
/// of MetaTF's AllNps bisection.
constexpr int64_t kMaxFilters = 504;
/// Filters per CNP at most when the input has one channel (measured).
constexpr int64_t kMaxFiltersOneChannel = 496;
/// A CNP's input tile is at most 32 wide along X (`cnp_max_width`) and 256
/// along Y (`cnp_max_height`).
constexpr int64_t kTileMaxX = 32;
constexpr int64_t kTileMaxY = 256;
// FullyConnected inputs at most (kFullyConnectedMaxInputs, Layers.h): 57334
// maps, 57335 runs in software.
/// An FNP3 holds its weights on chip when units * (inputs * bits per weight
/// + 128) fits these bits; otherwise the layer takes an FNP2 and that many
/// bits of external memory. Fitted on every measured FullyConnected.
constexpr int64_t kFnp3WeightBits = 344064;
constexpr int64_t kFnpBitsPerUnit = 128;

/// Convolutional F_cap from the weight memory, measured per kernel size and
/// weight bits: weights take units of `unitBytes` bytes per input channel,
/// so U = floor(kWeightBytes / (unitBytes * c)) units fit; each unit holds
/// g = gNum / gDen groups of 8 filters, so F_cap = min(maxFilters,
/// 8 floor(U g)). Exact on all 396 measured (kernel, channels, bits) cells.
struct ConvCapacity {
  int64_t kernel, weightsBits, unitBytes, gNum, gDen, maxFilters;
};
constexpr ConvCapacity kConvCapacity[] = {
    {1, 1, 50, 24, 1, 504}, {1, 2, 50, 24, 1, 504}, {1, 4, 100, 24, 1, 504},
    {3, 1, 50, 5, 1, 504},  {3, 2, 50, 5, 2, 504},  {3, 4, 100, 8, 3, 504},
    {5, 1, 50, 2, 1, 504},  {5, 2, 50, 1, 1, 504},  {5, 4, 100, 1, 1, 504},
    {7, 1, 50, 1, 1, 504},  {7, 2, 100, 1, 1, 504}, {7, 4, 100, 8, 21, 384},
};

/// SeparableConvolutional F_cap as measured (the largest filter count that
/// mapped to one NP, in Minimal mode, on 8 x 8 one-bit inputs with random
/// weights), at these input channel counts. A layer takes the capacity of the
/// nearest measured count at or above its own. No closed form fits these.
constexpr int64_t kSepChannels[] = {1,   2,   3,   4,   8,   12,  16,  20,  24,
                                    32,  40,  48,  56,  64,  80,  96,  112, 128,
                                    144, 160, 176, 192, 224, 256, 288, 320, 352,
                                    384, 448, 512, 640, 768, 1024};
constexpr size_t kSepCells = std::size(kSepChannels);
/// One row per (kernel, weight bits); 0 marks a cell where even one filter
/// did not map in that measurement, which the lookup passes over to the next
/// measured count. Weight bits 1 never map.
struct SepCapacity {
  int64_t kernel, weightsBits;
  int64_t filters[kSepCells];
};
constexpr SepCapacity kSepCapacity[] = {
    {3, 2, {504, 504, 504, 0,   504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 504, 504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 504, 456, 432, 360, 312, 240, 192, 144}},
    {3, 4, {504, 504, 504, 504, 504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 504, 504, 504, 504, 504, 504, 464, 432,
            368, 320, 272, 248, 224, 200, 176, 152, 120, 96,  72}},
    {5, 2, {0,   504, 504, 504, 504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 504, 504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 504, 456, 408, 360, 312, 240, 192, 144}},
    {5, 4, {504, 504, 504, 504, 504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 504, 504, 504, 504, 504, 488, 440, 408,
            344, 296, 248, 224, 200, 176, 152, 128, 96,  72,  48}},
    {7, 2, {504, 504, 504, 504, 504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 504, 504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 456, 408, 360, 312, 264, 192, 144, 96}},
    {7, 4, {0,   504, 504, 504, 504, 504, 504, 504, 504, 504, 504,
            504, 504, 504, 504, 504, 504, 504, 504, 440, 392, 360,
            296, 248, 200, 176, 152, 128, 104, 80,  48,  24,  0}},
};

int64_t ceilDiv(int64_t a, int64_t b) {
  assert(b > 0 && "a divisor of at least 1");
  return (a + b - 1) / b;
}

/// Filters one CNP holds for a square `kernel` on `c` input channels, or
/// nothing when not even one filter fits.
std::optional<int64_t> convCapacity(int64_t kernel, int64_t c,
                                    int64_t weightsBits) {
  for (const ConvCapacity &cap : kConvCapacity) {
    if (cap.kernel != kernel || cap.weightsBits != weightsBits)
      continue;
    int64_t most = c == 1 ? std::min(cap.maxFilters, kMaxFiltersOneChannel)
                          : cap.maxFilters;
    int64_t units = kWeightBytes / (cap.unitBytes * c);
    int64_t groups = units * cap.gNum / cap.gDen;
    if (groups == 0)
      return std::nullopt;
    return std::min(most, 8 * groups);
  }
  return std::nullopt;
}

std::optional<int64_t> sepCapacity(int64_t kernel, int64_t c,
                                   int64_t weightsBits) {
  for (const SepCapacity &cap : kSepCapacity) {
    if (cap.kernel != kernel || cap.weightsBits != weightsBits)
      continue;
    for (size_t i = 0; i < kSepCells; ++i)
      if (kSepChannels[i] >= c && cap.filters[i] > 0)
        return cap.filters[i];
    return std::nullopt;
  }
  return std::nullopt;
}

/// Input rows or columns a tile takes beyond its share when the axis is cut
/// into `n` tiles: none uncut, half a kernel at the one cut of two tiles, a
/// whole kernel's halo past that.
int64_t halo(int64_t n, int64_t kernel) {
  return n == 1 ? 0 : n == 2 ? (kernel - 1) / 2 : kernel - 1;
}

/// The fewest tiles nx * ny of an x * y * c input, ceil(x / nx) <= 32 wide
/// and ceil(y / ny) <= 256 high, whose tile with its halo fits the input
/// buffer at `bits` per value; nothing when none does. The search over nx
/// stops once a column alone overflows or nx passes the best found.
std::optional<int64_t> spatialTiles(int64_t x, int64_t y, int64_t c,
                                    int64_t bits, int64_t kernelX,
                                    int64_t kernelY) {
  std::optional<int64_t> best;
  for (int64_t nx = ceilDiv(x, kTileMaxX); nx <= x; ++nx) {
    int64_t columnBits = (ceilDiv(x, nx) + halo(nx, kernelX)) * c * bits;
    if (columnBits > kInputBufferBits)
      break;
    for (int64_t ny = ceilDiv(y, kTileMaxY); ny <= y; ++ny) {
      if (columnBits * (ceilDiv(y, ny) + halo(ny, kernelY)) <=
          kInputBufferBits) {
        best = std::min(best.value_or(nx * ny), nx * ny);
        break;
      }
    }
    if (best && nx > *best)
      break;
  }
  return best;
}

/// What a layer needs at any filters-per-CNP cap: its NP kind, its fixed
/// NPs (HRC, FNP) or its per-CNP capacity and tiles (CNP).
struct Fit {
  NpCount fixed;
  bool cnp = false;
  int64_t filters = 0, capacity = 0, tiles = 0;

  /// The NPs at `cap` filters per CNP, or nothing when more than a device's.
  std::optional<int64_t> npsAt(int64_t cap) const {
    if (!cnp)
      return fixed.nps;
    int64_t n = ceilDiv(filters, std::min(capacity, cap)) * tiles;
    if (n > kMappableNps)
      return std::nullopt;
    return n;
  }
};

NpCount software(std::string reason) {
  NpCount count;
  count.software = true;
  count.reason = std::move(reason);
  return count;
}

Fit fullyConnected(const LayerDesc &l) {
  Fit fit;
  int64_t inputs = l.input[0] * l.input[1] * l.input[2];
  int64_t bitsPerWeight = l.weightsBits == 1   ? 1
                          : l.weightsBits == 2 ? 2
                          : l.weightsBits == 4 ? 6
                                               : 0;
  if (inputs < 1 || inputs > kFullyConnectedMaxInputs || bitsPerWeight == 0 ||
      l.filters < 1) {
    fit.fixed = software(std::to_string(inputs) + " inputs at " +
                         std::to_string(l.weightsBits) +
                         "-bit weights (an FNP takes at most " +
                         std::to_string(kFullyConnectedMaxInputs) +
                         " at 1, 2 or 4 bits)");
    return fit;
  }
  int64_t bits = l.filters * (inputs * bitsPerWeight + kFnpBitsPerUnit);
  if (bits <= kFnp3WeightBits)
    fit.fixed = NpCount{1, "FNP3"};
  else
    fit.fixed = NpCount{1, "FNP2", ceilDiv(bits, 8)};
  return fit;
}

Fit convolution(const LayerDesc &l) {
  Fit fit;
  std::string kernel =
      std::to_string(l.kernelX) + "x" + std::to_string(l.kernelY);
  fit.fixed = software("no measured NP capacity for a " + kernel +
                       " kernel at " + std::to_string(l.weightsBits) +
                       "-bit weights");
  const auto &[x, y, c] = l.input;
  if (l.kernelX != l.kernelY || l.filters < 1 || c < 1)
    return fit;
  // MetaTF's mapper runs a 'Valid' convolution in software (measured on
  // 1x1 to 5x5 kernels, both convolution types; a 1x1 kernel pads nothing
  // either way and is written 'Same').
  if (l.padding == Padding::Valid) {
    fit.fixed = software("its 'Valid' padding (MetaTF maps 'Same' only)");
    return fit;
  }
  std::optional<int64_t> capacity =
      l.type == LayerType::Convolutional
          ? convCapacity(l.kernelX, c, l.weightsBits)
          : sepCapacity(l.kernelX, c, l.weightsBits);
  if (!capacity)
    return fit;
  std::optional<int64_t> tiles =
      spatialTiles(x, y, c, l.inputBits, l.kernelX, l.kernelY);
  if (!tiles) {
    fit.fixed = software("an input of " + std::to_string(x) + "x" +
                         std::to_string(y) + "x" + std::to_string(c) +
                         " that no tiling fits into an NP's input buffer");
    return fit;
  }
  // Global average pooling needs the whole input on one NP.
  if (l.pool == PoolType::Average && *tiles != 1) {
    fit.fixed = software("global average pooling over an input that takes " +
                         std::to_string(*tiles) + " NP tiles (it needs one)");
    return fit;
  }
  fit.cnp = true;
  fit.filters = l.filters;
  fit.capacity = *capacity;
  fit.tiles = *tiles;
  if (!fit.npsAt(kMaxFilters)) {
    fit.cnp = false;
    fit.fixed = software("more than the " + std::to_string(kMappableNps) +
                         " NPs of a device at " + std::to_string(kMaxFilters) +
                         " filters per NP");
    return fit;
  }
  fit.fixed = NpCount{0, "CNP1"};
  return fit;
}

Fit fitLayer(const LayerDesc &l) {
  switch (l.type) {
  case LayerType::InputConvolutional: {
    Fit fit;
    fit.fixed = NpCount{0, "HRC"};
    return fit;
  }
  case LayerType::FullyConnected:
    return fullyConnected(l);
  case LayerType::Convolutional:
  case LayerType::SeparableConvolutional:
    return convolution(l);
  }
  Fit fit;
  fit.fixed = software("an unknown layer type");
  return fit;
}

/// Every layer's NPs at `cap` filters per CNP, or nothing when a layer would
/// need more than a device or the model more than kMappableNps.
std::optional<std::vector<int64_t>> trial(const std::vector<Fit> &fits,
                                          int64_t cap, int64_t &total) {
  std::vector<int64_t> nps;
  total = 0;
  for (const Fit &fit : fits) {
    std::optional<int64_t> n =
        fit.fixed.software ? std::optional<int64_t>(0) : fit.npsAt(cap);
    if (!n)
      return std::nullopt;
    nps.push_back(*n);
    total += *n;
  }
  if (total > kMappableNps)
    return std::nullopt;
  return nps;
}

} // namespace

std::vector<NpCount> snnc::akida::countNps(const std::vector<LayerDesc> &layers,
                                           MapMode mode) {
  std::vector<Fit> fits;
  for (const LayerDesc &l : layers)
    fits.push_back(fitLayer(l));

  std::vector<int64_t> nps;
  for (const Fit &fit : fits)
    nps.push_back(fit.fixed.software ? 0 : *fit.npsAt(kMaxFilters));

  // MetaTF's `_map_search`: bisect the filters-per-CNP cap over [0, 504],
  // keeping a cap at which the model still fits and takes at least as many
  // NPs as the best so far. A model that does not fit at 504 keeps its
  // Minimal counts.
  int64_t best = 0;
  if (mode == MapMode::allNps && trial(fits, kMaxFilters, best)) {
    int64_t lo = 0, hi = kMaxFilters;
    while (lo + 2 <= hi) {
      int64_t cur = (lo + hi) / 2, total = 0;
      std::optional<std::vector<int64_t>> per = trial(fits, cur, total);
      if (per && best <= total) {
        nps = std::move(*per);
        best = total;
        hi = cur;
      } else {
        lo = cur;
      }
    }
  }

  std::vector<NpCount> out;
  for (size_t i = 0; i < fits.size(); ++i) {
    NpCount count = fits[i].fixed;
    if (!count.software)
      count.nps = nps[i];
    out.push_back(count);
  }
  return out;
}
