//===- AkidaNpModelTest.cpp - NPs per Akida layer against MetaTF ----------===//
//
// The NP model against what MetaTF's mapper (akida 2.19.3) gave on a virtual
// AKD1000: the published DS-CNN and AkidaNet mappings, and measured rows
// (Inputs/akida_np_counts.csv: one layer per model, Minimal and AllNps;
// Inputs/akida_fcap.csv: the most filters one NP held).
//
//===----------------------------------------------------------------------===//

#include "targets/akida/NpModel.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace snnc::akida;

namespace {

LayerDesc layer(LayerType type, int64_t kernel, int64_t stride, int64_t filters,
                int64_t weightsBits, int64_t actBits) {
  LayerDesc l;
  l.type = type;
  l.kernelX = l.kernelY = kernel;
  l.strideX = l.strideY = stride;
  l.filters = filters;
  l.weightsBits = weightsBits;
  l.actBits = actBits;
  return l;
}

/// Appends `l` fed by the model's last layer.
void append(std::vector<LayerDesc> &model, LayerDesc l) {
  l.input = outputShape(model.back());
  l.inputBits = model.back().actBits;
  model.push_back(l);
}

LayerDesc globalAverage(LayerDesc l) {
  l.pool = PoolType::Average;
  return l;
}

LayerDesc classifier(int64_t units, int64_t weightsBits) {
  LayerDesc l =
      layer(LayerType::FullyConnected, 1, 1, units, weightsBits, /*actBits=*/1);
  l.activation = false;
  return l;
}

/// DS-CNN KWS (ds_cnn_kws_i8_w4_a4) as MetaTF's `akida run` lists it.
std::vector<LayerDesc> dsCnn() {
  LayerDesc conv0 = layer(LayerType::InputConvolutional, 5, 2, 64, 8, 4);
  conv0.input = {49, 10, 1};
  conv0.inputBits = 8;
  std::vector<LayerDesc> model = {conv0};
  for (int i = 1; i <= 4; ++i) {
    LayerDesc sep = layer(LayerType::SeparableConvolutional, 3, 1, 64, 4, 4);
    append(model, i == 4 ? globalAverage(sep) : sep);
  }
  append(model, classifier(33, 4));
  return model;
}

/// AkidaNet alpha 0.5 (akidanet_imagenet_<res>_alpha_50_iq8_wq4_aq4),
/// downsampling by stride 2.
std::vector<LayerDesc> akidaNet(int64_t resolution) {
  LayerDesc conv0 = layer(LayerType::InputConvolutional, 3, 2, 16, 8, 4);
  conv0.input = {resolution, resolution, 3};
  conv0.inputBits = 8;
  std::vector<LayerDesc> model = {conv0};
  append(model, layer(LayerType::Convolutional, 3, 1, 32, 4, 4));
  append(model, layer(LayerType::Convolutional, 3, 2, 64, 4, 4));
  append(model, layer(LayerType::Convolutional, 3, 1, 64, 4, 4));
  auto sep = [](int64_t stride, int64_t filters) {
    return layer(LayerType::SeparableConvolutional, 3, stride, filters, 4, 4);
  };
  append(model, sep(2, 128));
  append(model, sep(1, 128));
  append(model, sep(2, 256));
  for (int i = 7; i <= 11; ++i)
    append(model, sep(1, 256));
  append(model, sep(2, 512));
  append(model, globalAverage(sep(1, 512)));
  append(model, classifier(1000, 4));
  return model;
}

std::vector<int64_t> npsOf(const std::vector<NpCount> &counts) {
  std::vector<int64_t> nps;
  for (const NpCount &c : counts) {
    EXPECT_FALSE(c.software);
    nps.push_back(c.nps);
  }
  return nps;
}

int64_t total(const std::vector<NpCount> &counts) {
  int64_t sum = 0;
  for (const NpCount &c : counts)
    sum += c.nps;
  return sum;
}

TEST(AkidaNpModel, DsCnnTakes65NpsInAllNpsAnd5InMinimal) {
  std::vector<NpCount> all = countNps(dsCnn(), MapMode::allNps);
  EXPECT_EQ(npsOf(all), (std::vector<int64_t>{0, 16, 16, 16, 16, 1}));
  EXPECT_EQ(total(all), 65);
  EXPECT_EQ(all[0].type, "HRC");
  for (int i = 1; i <= 4; ++i)
    EXPECT_EQ(all[i].type, "CNP1");
  EXPECT_EQ(all[5].type, "FNP3");
  EXPECT_EQ(all[5].externalBytes, 0);

  std::vector<NpCount> minimal = countNps(dsCnn(), MapMode::minimal);
  EXPECT_EQ(npsOf(minimal), (std::vector<int64_t>{0, 1, 1, 1, 1, 1}));
  EXPECT_EQ(total(minimal), 5);
}

TEST(AkidaNpModel, AkidaNet224Takes68NpsInAllNpsAnd32InMinimal) {
  std::vector<NpCount> all = countNps(akidaNet(224), MapMode::allNps);
  EXPECT_EQ(npsOf(all), (std::vector<int64_t>{0, 4, 6, 3, 6, 4, 8, 4, 4, 4, 4,
                                              4, 8, 8, 1}));
  EXPECT_EQ(total(all), 68);
  // The classifier's 1000 x (512 x 6 + 128) bits go to external memory.
  EXPECT_EQ(all.back().type, "FNP2");
  EXPECT_EQ(all.back().externalBytes, 400000);

  std::vector<NpCount> minimal = countNps(akidaNet(224), MapMode::minimal);
  EXPECT_EQ(npsOf(minimal), (std::vector<int64_t>{0, 4, 6, 3, 3, 2, 2, 1, 1, 1,
                                                  1, 1, 2, 4, 1}));
  EXPECT_EQ(total(minimal), 32);
  EXPECT_EQ(minimal.back().externalBytes, 400000);
}

TEST(AkidaNpModel, AkidaNet160Takes73NpsInAllNpsAnd24InMinimal) {
  std::vector<NpCount> all = countNps(akidaNet(160), MapMode::allNps);
  EXPECT_EQ(npsOf(all), (std::vector<int64_t>{0, 3, 6, 4, 6, 3, 5, 5, 5, 5, 5,
                                              5, 10, 10, 1}));
  EXPECT_EQ(total(all), 73);
  std::vector<NpCount> minimal = countNps(akidaNet(160), MapMode::minimal);
  EXPECT_EQ(total(minimal), 24);
}

TEST(AkidaNpModel, ModelBeyondOneDeviceKeepsMinimalCounts) {
  // Ten 3x3 400 -> 400 layers on 8x8x400: 25 NPs each in both modes.
  LayerDesc first = layer(LayerType::Convolutional, 3, 1, 400, 4, 4);
  first.input = {8, 8, 400};
  first.inputBits = 4;
  std::vector<LayerDesc> model = {first};
  for (int i = 1; i < 10; ++i)
    append(model, first);
  for (MapMode mode : {MapMode::minimal, MapMode::allNps})
    EXPECT_EQ(npsOf(countNps(model, mode)), std::vector<int64_t>(10, 25));
}

TEST(AkidaNpModel, SoftwareLayers) {
  LayerDesc fc = classifier(10, 4);
  fc.input = {1, 1, 57334};
  EXPECT_FALSE(countNps({fc}, MapMode::minimal)[0].software);
  fc.input = {1, 1, 57335};
  EXPECT_TRUE(countNps({fc}, MapMode::minimal)[0].software);

  // Global average pooling over an input that needs more than one tile.
  LayerDesc gap = globalAverage(layer(LayerType::Convolutional, 3, 1, 8, 4, 4));
  gap.input = {32, 32, 64};
  gap.inputBits = 4;
  EXPECT_FALSE(countNps({gap}, MapMode::minimal)[0].software);
  gap.input = {64, 64, 64};
  EXPECT_TRUE(countNps({gap}, MapMode::minimal)[0].software);

  // SeparableConvolutional with one-bit weights never maps.
  LayerDesc sep = layer(LayerType::SeparableConvolutional, 3, 1, 64, 1, 4);
  sep.input = {8, 8, 64};
  EXPECT_TRUE(countNps({sep}, MapMode::allNps)[0].software);

  // A layer needing more NPs than a device has.
  fc.input = {1, 1, 64};
  LayerDesc big = layer(LayerType::Convolutional, 3, 1, 2048, 4, 4);
  big.input = {8, 8, 400};
  big.inputBits = 4;
  std::vector<NpCount> counts = countNps({big, fc}, MapMode::allNps);
  EXPECT_TRUE(counts[0].software);
  EXPECT_EQ(counts[0].nps, 0);
  EXPECT_FALSE(counts[1].software);
  EXPECT_EQ(counts[1].nps, 1);
}

TEST(AkidaNpModel, FullyConnectedExternalMemory) {
  // (inputs, units, weight bits, external bytes MetaTF reported).
  struct Case {
    int64_t inputs, units, bits, external;
  };
  for (Case c : {Case{4096, 1000, 1, 528000}, Case{4096, 1000, 2, 1040000},
                 Case{4096, 1000, 4, 3088000}, Case{64, 1000, 4, 64000},
                 Case{25088, 1000, 4, 18832000}}) {
    LayerDesc fc = classifier(c.units, c.bits);
    fc.input = {1, 1, c.inputs};
    NpCount count = countNps({fc}, MapMode::allNps)[0];
    EXPECT_EQ(count.nps, 1);
    EXPECT_EQ(count.type, "FNP2");
    EXPECT_EQ(count.externalBytes, c.external) << c.inputs << " " << c.units;
  }
}

/// A CSV file as rows of column name -> value.
std::vector<std::map<std::string, std::string>>
readCsv(const std::string &path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<std::map<std::string, std::string>> rows;
  std::string line;
  std::vector<std::string> header;
  auto split = [](std::string text) {
    if (!text.empty() && text.back() == '\r')
      text.pop_back();
    std::vector<std::string> fields;
    std::stringstream stream(text);
    std::string field;
    while (std::getline(stream, field, ','))
      fields.push_back(field);
    if (!text.empty() && text.back() == ',')
      fields.push_back("");
    return fields;
  };
  if (std::getline(in, line))
    header = split(line);
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r")
      continue;
    std::vector<std::string> fields = split(line);
    EXPECT_EQ(fields.size(), header.size()) << line;
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < fields.size(); ++i)
      row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

TEST(AkidaNpModel, ReproducesTheMeasuredFilterCapacity) {
  // Minimal mode on 8x8 one-bit inputs: `fcap` filters take one NP and one
  // more take two; 'X': one filter does not map.
  int64_t cells = 0, matched = 0;
  for (auto &row : readCsv(SNNC_UNIT_TEST_INPUTS "/akida_fcap.csv")) {
    bool sep = row["layer"] == "sep";
    LayerDesc l = layer(sep ? LayerType::SeparableConvolutional
                            : LayerType::Convolutional,
                        std::stoll(row["k"]), 1, 1, std::stoll(row["wb"]), 1);
    l.input = {8, 8, std::stoll(row["c"])};
    auto nps = [&](int64_t filters) -> int64_t {
      l.filters = filters;
      NpCount count = countNps({l}, MapMode::minimal)[0];
      return count.software ? -1 : count.nps;
    };
    ++cells;
    if (row["fcap"] == "X") {
      matched += nps(1) == -1;
    } else if (row["fcap"] == ">1024") {
      matched += nps(1024) == 1;
    } else {
      int64_t fcap = std::stoll(row["fcap"]);
      matched += nps(fcap) == 1 && nps(fcap + 1) == 2;
    }
  }
  EXPECT_EQ(cells, 396 + 198);
  // All but three separable cells where one filter did not map (c = 4 at
  // 3x3 w2, c = 1 at 5x5 w2 and 7x7 w4): the table passes over them to the
  // next channel count, which maps.
  EXPECT_GE(matched, cells - 3);
}

/// The NPs the model gives the layer of one measured row (-1: software),
/// with the row's model as the measurement built it: a layer with max
/// pooling is followed by a 1x1 Convolutional of 8 filters and needs it
/// mapped, and an AllNps model that does not fit one device is not counted.
int64_t predict(std::map<std::string, std::string> &row, MapMode mode) {
  auto get = [&](const char *name) { return std::stoll(row[name]); };
  LayerType type = LayerType::Convolutional;
  EXPECT_TRUE(parseLayerType(row["layer_type"], type)) << row["layer_type"];
  LayerDesc l = layer(type, get("kernel"), get("stride"),
                      get("filters"), get("weights_bits"), get("act_bits"));
  l.input = {get("in_w"), get("in_h"), get("in_c")};
  l.inputBits = get("in_bits");
  std::vector<LayerDesc> model = {l};
  if (row["pool"] == "gap") {
    model[0].pool = PoolType::Average;
  } else if (row["pool"] == "max2") {
    model[0].pool = PoolType::Max;
    model[0].poolX = model[0].poolY = 2;
    model[0].poolStrideX = model[0].poolStrideY = 2;
    LayerDesc after = layer(LayerType::Convolutional, 1, 1, 8, 2, 1);
    int64_t stride = get("stride");
    after.input = {(get("in_w") + stride - 1) / stride / 2,
                   (get("in_h") + stride - 1) / stride / 2, get("filters")};
    after.inputBits = get("act_bits");
    model.push_back(after);
  }
  std::vector<NpCount> counts = countNps(model, mode);
  for (const NpCount &c : counts)
    if (c.software)
      return -1;
  if (mode == MapMode::allNps &&
      total(countNps(model, MapMode::minimal)) > kMappableNps)
    return -1;
  return counts[0].nps;
}

TEST(AkidaNpModel, ReproducesTheMeasuredRows) {
  // (layer type, mode) -> rows, and rows the fitted Python model matched.
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, int64_t>>
      expected = {
          {{"Convolutional", "AllNps"}, {431, 391}},
          {{"Convolutional", "Minimal"}, {431, 407}},
          {{"SeparableConvolutional", "AllNps"}, {165, 160}},
          {{"SeparableConvolutional", "Minimal"}, {165, 159}},
          {{"FullyConnected", "AllNps"}, {79, 79}},
          {{"FullyConnected", "Minimal"}, {79, 79}},
      };
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, int64_t>>
      seen;
  for (auto &row : readCsv(SNNC_UNIT_TEST_INPUTS "/akida_np_counts.csv")) {
    MapMode mode =
        row["mode"] == "Minimal" ? MapMode::minimal : MapMode::allNps;
    int64_t measured =
        row["backend"] == "Hardware" ? std::stoll(row["nps"]) : -1;
    int64_t predicted = predict(row, mode);
    auto &[rows, matched] = seen[{row["layer_type"], row["mode"]}];
    ++rows;
    matched += predicted == measured;
    if (row["layer_type"] == "FullyConnected") {
      LayerDesc fc = classifier(std::stoll(row["filters"]),
                                std::stoll(row["weights_bits"]));
      fc.input = {std::stoll(row["in_w"]), std::stoll(row["in_h"]),
                  std::stoll(row["in_c"])};
      NpCount count = countNps({fc}, mode)[0];
      EXPECT_EQ(count.software ? "SW" : count.type, row["np_types"])
          << fc.input[2] << " inputs, " << fc.filters << " units";
    }
  }
  for (auto &[key, counts] : expected) {
    auto [rows, matched] = seen[key];
    std::string name = key.first + " " + key.second;
    RecordProperty(name, std::to_string(matched) + "/" + std::to_string(rows));
    EXPECT_EQ(rows, counts.first) << name;
    EXPECT_GE(matched, counts.second) << name << ": " << matched << "/" << rows;
  }
  EXPECT_EQ(seen.size(), expected.size());
}

} // namespace
