//===- Sample.h - the emulator's draws of initial states ------------------===//
//
// Initial states given as distributions are drawn from counter-based random
// numbers keyed by the population's seed, the state's name and the neuron's
// index. Backends that must write the drawn values out (a chip's initial
// state arrays) call this function so that they start where the emulator
// starts.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_SAMPLE_H
#define SNNRT_SAMPLE_H

#include <cstdint>
#include <string>

namespace snnrt {

/// The value of `state` for neuron `index` of a population with `seed`,
/// drawn from distribution `kind` (0 constant, 1 uniform(p0, p1), 2
/// normal(p0, p1), 3 lognormal(p0, p1), as numbered in the snnx image).
double sampleInitialState(int kind, double p0, double p1, uint64_t seed,
                          const std::string &state, uint64_t index);

} // namespace snnrt

#endif // SNNRT_SAMPLE_H
