//===- Outputs.h - what snn-run records and writes --------------*- C++ -*-===//

#ifndef SNNC_TOOLS_SNNRUN_OUTPUTS_H
#define SNNC_TOOLS_SNNRUN_OUTPUTS_H

#include "snnrt/Network.h"
#include "snnrt/TrueNorthModel.h"

#include <string>
#include <vector>

namespace snnrun {

struct SpikeEvent {
  uint64_t step;
  uint32_t output;
  uint32_t index;
  int64_t payload;
};

/// Records outputs and probes step by step.
class Recorder {
public:
  Recorder(const snnrt::Network &net, bool keepEvents, bool keepProbes);
  void record(const snnrt::Network &net, uint64_t step);

  std::vector<SpikeEvent> events;
  std::vector<std::vector<uint64_t>> counts;     ///< per output element
  std::vector<std::vector<double>> probeTraces;  ///< per probe: steps x size
  uint64_t steps = 0;

private:
  bool keepEvents, keepProbes;
  std::vector<double> scratch;
};

/// The axons that a TrueNorth artifact's inputs activate, step by step, as
/// .sfti lines: replayed on the artifact's raw axon input (its last), they
/// drive the cores exactly as the inputs did.
class SftiRecorder {
public:
  /// Reads the targets of the inputs of the artifact at `model`.
  bool open(const std::string &model, std::string &error);
  /// Records the inputs set for step `step` (call before stepping).
  void record(const snnrt::Network &net, uint64_t step);
  bool write(const std::string &path, std::string &error) const;

private:
  snnrt::truenorth::Tables tables;
  std::string lines;
};

/// Writes `bytes` to a temporary file beside `path` and renames it into
/// place: a failure leaves no file. False with a message on failure.
bool writeAtomically(const std::string &path, const std::string &bytes,
                     std::string &error);

/// Writers by file extension (.csv, .json, .npy); each writes a temporary
/// file and renames it into place. False with a message on failure.
bool writeSpikes(const std::string &path, const snnrt::Network &net,
                 const Recorder &rec, std::string &error);
bool writeCounts(const std::string &path, const snnrt::Network &net,
                 const Recorder &rec, std::string &error);
bool writeProbes(const std::string &path, const snnrt::Network &net,
                 const Recorder &rec, std::string &error);
bool writeActivity(const std::string &path, const snnrt::Network &net,
                   const Recorder &rec, std::string &error);

} // namespace snnrun

#endif // SNNC_TOOLS_SNNRUN_OUTPUTS_H
