//===- Loihi2Model.h - Loihi 2 networks from JSON -------------------------===//
//
// Two JSON inputs become emulator networks of Lava's bit-accurate process
// models: the artifact `snnc --target=loihi2` writes (format "snnc-loihi2",
// docs/targets/loihi2.md) and a reference run of Lava in the format of the
// project's test data (parameters, a RingBuffer input, Lava's own u/v/spike
// traces), which `snn-run --lava-reference` replays and compares.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_LOIHI2MODEL_H
#define SNNRT_LOIHI2MODEL_H

#include "snnrt/Image.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snnrt::loihi2 {

/// The artifact's format name and the version this runtime reads.
inline constexpr const char *kArtifactFormat = "snnc-loihi2";
inline constexpr int kArtifactVersion = 1;

/// Translates the artifact at `path` (arrays inline or in .npy files beside
/// it) into the records of an emulator network.
bool loadArtifact(const std::string &path, std::vector<Record> &records,
                  std::string &error);

/// One recorded variable of one process: values[t - 1][i] after step t.
struct Trace {
  std::string process, variable;
  std::vector<std::vector<int64_t>> values;
};

/// A reference run: the network, what its RingBuffer sends, Lava's traces
/// and the weights Lava used after its own preparation.
struct Reference {
  std::vector<Record> records;
  int64_t steps = 0;
  /// data[i][k]: element i of the input, column k (sent at steps t with
  /// (t - 1) mod columns == k).
  std::vector<std::vector<int64_t>> inputData;
  std::vector<Trace> traces;
  /// The traced neuron processes, in the network's output order (their
  /// s_out); other traced variables are probes named "process.variable".
  std::vector<std::string> outputs;
  struct Weights {
    std::string connection;
    std::vector<int64_t> raw, effective;
    int numWeightBits;
    int signMode;
  };
  std::vector<Weights> weights;
};

bool loadReference(const std::string &path, Reference &reference,
                   std::string &error);

} // namespace snnrt::loihi2

#endif // SNNRT_LOIHI2MODEL_H
