//===- Batch.h - batch evaluation: classes, accuracy, agreement -*- C++ -*-===//

#ifndef SNNC_TOOLS_SNNRUN_BATCH_H
#define SNNC_TOOLS_SNNRUN_BATCH_H

#include "Inputs.h"

#include <string>
#include <utility>
#include <vector>

namespace snnrun {

/// How a sample's class is read from network output 0: the element with the
/// largest score, ties to the lowest index.
enum class Readout {
  Auto,  ///< Count for a spike output, Last for a current output
  Count, ///< score: the sum of the element's spike payloads (1 per spike)
  Last,  ///< score: the element's value at the last step
  Max,   ///< score: the element's largest value over all steps
};

bool parseReadout(const std::string &text, Readout &readout,
                  std::string &error);

struct BatchOptions {
  std::string model;
  std::string compare; ///< a second model run on the same samples, or empty
  /// Network input and .npy file of each `--batch`.
  std::vector<std::pair<size_t, std::string>> batches;
  /// `--input`, `--poisson` and `--current`: the same for every sample.
  std::vector<InputSpec> otherInputs;
  std::string labels; ///< labels.npy, or empty
  std::string out;    ///< --batch-out FILE.json, or empty
  Readout readout = Readout::Auto;
  uint64_t steps = 0;
  uint64_t seed = 0;
  size_t threads = 1;
  bool quiet = false;
};

/// Runs every sample from the model's initial state (and on the second
/// model), reads out the classes, prints accuracy and agreement, and writes
/// the JSON. Checks every input before the first step. Returns the exit
/// code.
int runBatch(const BatchOptions &options);

} // namespace snnrun

#endif // SNNC_TOOLS_SNNRUN_BATCH_H
