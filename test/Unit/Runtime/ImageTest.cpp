//===- ImageTest.cpp - malformed images give clear errors -----------------===//

#include "TestImages.h"

#include "snnrt/snnrt.h"

#include <cstdio>
#include <fstream>

using namespace snnrt;
using namespace snnrt::test;

namespace {
std::vector<uint8_t> smallImage() {
  TestImage image(1.0, {1});
  image.node("input", {}, {2}, false);
  image.node("if", {0}, {2}, true, [](ImageWriter &w) {
    w.addF64("c.gain", {1.0});
    w.addF64("v_threshold", {1.0});
  });
  return image.bytes();
}

std::string parseError(const std::vector<uint8_t> &bytes) {
  std::vector<Record> records;
  std::string error;
  EXPECT_FALSE(parseImage(bytes.data(), bytes.size(), records, error));
  return error;
}
} // namespace

TEST(Image, RoundTripsRecordsAndFields) {
  std::vector<uint8_t> bytes = smallImage();
  std::vector<Record> records;
  std::string error;
  ASSERT_TRUE(parseImage(bytes.data(), bytes.size(), records, error)) << error;
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].find("kind")->str(), "network");
  EXPECT_EQ(records[2].find("kind")->str(), "if");
  EXPECT_EQ(records[2].find("v_threshold")->at<double>(0), 1.0);
}

TEST(Image, TakenRecordsEqualParsedOnes) {
  ImageWriter writer;
  writer.beginRecord();
  writer.addString("kind", "network");
  writer.addI64("outputs", {2, 3});
  writer.beginRecord();
  writer.addF64("x", {1.5, -2.0});
  writer.addF64("x", {7.0}); // a repeated name: the later field wins
  std::vector<uint8_t> bytes = writer.finish();
  std::vector<Record> parsed, taken = writer.takeRecords();
  std::string error;
  ASSERT_TRUE(parseImage(bytes.data(), bytes.size(), parsed, error)) << error;
  ASSERT_EQ(taken.size(), parsed.size());
  for (size_t r = 0; r < parsed.size(); ++r) {
    ASSERT_EQ(taken[r].fields.size(), parsed[r].fields.size());
    for (const auto &[name, field] : parsed[r].fields) {
      const Field *other = taken[r].find(name);
      ASSERT_NE(other, nullptr) << name;
      EXPECT_EQ(other->dtype, field.dtype);
      EXPECT_EQ(other->count, field.count);
      EXPECT_EQ(other->bytes, field.bytes);
    }
  }
  EXPECT_EQ(taken[1].find("x")->at<double>(0), 7.0);
}

TEST(Image, RejectsEveryTruncation) {
  std::vector<uint8_t> bytes = smallImage();
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    std::vector<uint8_t> part(bytes.begin(), bytes.begin() + cut);
    std::string error = parseError(part);
    EXPECT_NE(error.find("truncated"), std::string::npos)
        << "cut at " << cut << ": " << error;
  }
}

TEST(Image, RejectsWrongMagicAndVersion) {
  std::vector<uint8_t> bytes = smallImage();
  std::vector<uint8_t> magic = bytes;
  magic[0] = 'X';
  EXPECT_EQ(parseError(magic), "not an snnx image (bad magic)");
  std::vector<uint8_t> version = bytes;
  version[4] = 9;
  EXPECT_EQ(parseError(version), "snnx version 9 is not supported (this "
                                 "runtime reads version 1)");
  std::vector<uint8_t> trailing = bytes;
  trailing.push_back(0);
  EXPECT_EQ(parseError(trailing),
            "image has 1 trailing bytes after its last record");
}

TEST(Image, NamesTheNodeAndFieldOfAMissingParameter) {
  TestImage image(1.0, {1});
  image.node("input", {}, {2}, false);
  image.node("lif", {0}, {2}, true, [](ImageWriter &w) {
    w.addF64("c.alpha", {0.9});
    w.addF64("v_threshold", {1.0});
  });
  EXPECT_EQ(image.loadError(), "node 'lif_1': missing field 'c.gain'");
}

TEST(Image, RejectsUnknownKindsAndBadSizes) {
  TestImage unknown(1.0, {});
  unknown.node("teleport", {}, {2}, false);
  EXPECT_EQ(unknown.loadError(), "node 'teleport_0': unknown node kind "
                                 "'teleport'");
  TestImage size(1.0, {1});
  size.node("input", {}, {3}, false);
  size.node("lif", {0}, {3}, true, [](ImageWriter &w) {
    w.addF64("c.alpha", {0.9, 0.8});
    w.addF64("c.gain", {0.1});
    w.addF64("v_threshold", {1.0});
  });
  EXPECT_EQ(size.loadError(),
            "node 'lif_1': field 'c.alpha' has 2 values, expected 1 or 3");
}

TEST(CApi, LoadsStepsAndReadsOutputs) {
  std::vector<uint8_t> bytes = smallImage();
  std::string path = ::testing::TempDir() + "capi.snnx";
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char *>(bytes.data()), bytes.size());
  }
  char error[256] = {0};
  snnrt_network *net = snnrt_load(path.c_str(), error, sizeof error);
  ASSERT_NE(net, nullptr) << error;
  EXPECT_EQ(snnrt_num_inputs(net), 1u);
  EXPECT_EQ(snnrt_input_size(net, 0), 2u);
  EXPECT_EQ(snnrt_input_is_spikes(net, 0), 0);
  EXPECT_EQ(snnrt_num_outputs(net), 1u);
  EXPECT_EQ(snnrt_output_is_spikes(net, 0), 1);

  double wrong[3] = {1, 1, 1};
  EXPECT_NE(snnrt_set_input_currents(net, 0, wrong, 3), 0);
  EXPECT_STREQ(snnrt_last_error(net), "input 0 has 2 elements, got 3 values");
  uint32_t idx = 0;
  EXPECT_NE(snnrt_set_input_spikes(net, 0, &idx, nullptr, 1), 0);
  EXPECT_STREQ(snnrt_last_error(net), "input 0 takes currents, not spikes");

  double drive[2] = {0.6, 2.0};
  ASSERT_EQ(snnrt_set_input_currents(net, 0, drive, 2), 0);
  ASSERT_EQ(snnrt_step(net), 0);
  uint32_t spikes[2];
  ASSERT_EQ(snnrt_output_spikes(net, 0, spikes, 2), 1u);
  EXPECT_EQ(spikes[0], 1u);
  ASSERT_EQ(snnrt_step(net), 0);
  double values[2];
  ASSERT_EQ(snnrt_output_values(net, 0, values, 2), 0);
  EXPECT_EQ(values[0], 1.0); // 0.6 + 0.6 > 1 at the second step
  EXPECT_EQ(values[1], 1.0);
  EXPECT_EQ(snnrt_current_step(net), 2u);
  snnrt_activity activity = snnrt_total_activity(net);
  EXPECT_EQ(activity.spikes, 3u);
  EXPECT_EQ(activity.neuron_updates, 4u);
  snnrt_free(net);
  std::remove(path.c_str());
}

TEST(CApi, ReportsLoadErrors) {
  char error[256] = {0};
  EXPECT_EQ(snnrt_load("/nonexistent/x.snnx", error, sizeof error), nullptr);
  EXPECT_STREQ(error, "cannot open '/nonexistent/x.snnx'");
}
