//===- Inputs.h - input sources of snn-run ----------------------*- C++ -*-===//

#ifndef SNNC_TOOLS_SNNRUN_INPUTS_H
#define SNNC_TOOLS_SNNRUN_INPUTS_H

#include "snnrt/Network.h"

#include <memory>
#include <string>

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

} // namespace snnrun

#endif // SNNC_TOOLS_SNNRUN_INPUTS_H
