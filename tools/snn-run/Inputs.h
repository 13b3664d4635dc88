//===- Inputs.h - input sources of snn-run ----------------------*- C++ -*-===//

#ifndef SNNC_TOOLS_SNNRUN_INPUTS_H
#define SNNC_TOOLS_SNNRUN_INPUTS_H

#include "snnrt/Network.h"

#include <memory>
#include <string>
#include <vector>

namespace snnrun {

/// Feeds one network input, step by step.
class Source {
public:
  virtual ~Source();
  /// Sets the input for step `t` (0-based); false with a message on error.
  virtual bool feed(snnrt::Network &net, uint64_t t, std::string &error) = 0;
};

/// Builds a source from the text after `--input K=`, `--poisson K=` or
/// `--current K=`, checking it against the input's shape and `steps`.
std::unique_ptr<Source> makeFileSource(size_t input, const std::string &path,
                                       const snnrt::Stream &info,
                                       uint64_t steps, std::string &error);
std::unique_ptr<Source> makePoissonSource(size_t input,
                                          const std::string &spec,
                                          const snnrt::Stream &info,
                                          double dtMs, uint64_t seed,
                                          std::string &error);
std::unique_ptr<Source> makeCurrentSource(size_t input,
                                          const std::string &spec,
                                          const snnrt::Stream &info,
                                          std::string &error);

/// One `--input`, `--poisson` or `--current` option: its flag, the input
/// index K and the text after `K=`.
struct InputSpec {
  std::string flag;
  size_t index;
  std::string value;
};

/// Builds the source of each spec for `net` into `sources` (one slot per
/// network input, null where no spec names it); false with a message on a
/// missing input, an input given twice or a bad spec. `given` lists inputs
/// fed by other means (a batch), which the specs may not name.
bool makeSources(const std::vector<InputSpec> &specs, const snnrt::Network &net,
                 uint64_t steps, uint64_t seed,
                 const std::vector<size_t> &given,
                 std::vector<std::unique_ptr<Source>> &sources,
                 std::string &error);

/// Sets input `input` for the next step from a dense row of its elements:
/// a spike input spikes where the row is non-zero, with the rounded value
/// as its payload; a current input takes the row as it is.
bool feedDense(snnrt::Network &net, size_t input, const double *row,
               std::string &error);

} // namespace snnrun

#endif // SNNC_TOOLS_SNNRUN_INPUTS_H
