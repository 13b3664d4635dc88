//===- Procedural.h - the synapses of a procedural connection -------------===//
//
// Procedural connections are generated from their rule and seed whenever a
// spike needs them. A backend that must store them (a chip's synapse
// memory) lists them with this function and gets exactly the synapses and
// weights the emulator uses.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_PROCEDURAL_H
#define SNNRT_PROCEDURAL_H

#include <cstdint>
#include <string>
#include <vector>

namespace snnrt {

/// As in the snnx image: connector 0 fixed_probability, 1 fixed_indegree,
/// 2 one_to_one; the weight distribution numbered as in snnrt/Sample.h.
struct ProceduralRule {
  int64_t connector = 0;
  double probability = 0;
  int64_t indegree = 0;
  int64_t seed = 0;
  int weightKind = 0;
  double w0 = 0, w1 = 0;
  bool allowAutapses = true;
};

struct ProceduralSynapse {
  uint32_t source, target;
  double weight;
};

/// Every synapse from `sources` to `targets` neurons, ordered by source and
/// then as the emulator visits them; false with a message for a bad rule.
bool expandProcedural(const ProceduralRule &rule, size_t sources,
                      size_t targets, std::vector<ProceduralSynapse> &out,
                      std::string &error);

} // namespace snnrt

#endif // SNNRT_PROCEDURAL_H
