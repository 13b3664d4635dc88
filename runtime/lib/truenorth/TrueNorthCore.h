//===- TrueNorthCore.h - one TrueNorth core in integers ---------*- C++ -*-===//
//
// The state and registers of one core and its tick (docs/formats/
// truenorth.md, "Semantics of a tick"), on plain data: the emulator's core
// node wraps it, and unit tests drive it directly.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_TRUENORTH_TRUENORTHCORE_H
#define SNNRT_TRUENORTH_TRUENORTHCORE_H

#include "snnrt/TrueNorthModel.h"

#include <string>
#include <vector>

namespace snnrt::truenorth {

struct CoreModel {
  /// Per axon: the used neurons it reaches (the crossbar row read through
  /// the neurons' dendrites).
  std::array<Bits, kAxonsPerCore> reach{};
  std::array<int64_t, kAxonsPerCore> axonType{};
  /// The neuron types of this core, and per neuron its index (-1: unused).
  std::vector<NeuronType> types;
  std::array<int64_t, kNeuronsPerCore> typeOf{};
  std::array<int64_t, kNeuronsPerCore> v{};
  Prng prng;

  /// Derives the tables below from `types` and `typeOf`; call after
  /// setting them, before the first tick.
  void prepare();
  /// Per axon type k: each neuron's weight, and the neurons for which it is
  /// stochastic (the hot loop reads these, not the types).
  std::array<std::array<int64_t, kNeuronsPerCore>, kAxonTypes> weight{};
  std::array<Bits, kAxonTypes> stochastic{};

  /// One tick on the `active` axons: integrate, then leak, threshold and
  /// reset every used neuron. Appends the neurons that fired, ascending;
  /// returns the synaptic events integrated.
  uint64_t tick(const Bits &active, std::vector<uint32_t> &fired);

  /// Leak, threshold and reset of neuron `j`; true if it fires.
  bool update(int j);
};

/// A neuron type as a row of a core record's `type_params`: kTypeColumns
/// integers (weights, flags, leak, thresholds, mask, modes, R, V).
constexpr size_t kTypeColumns = 16;
void packType(const NeuronType &t, std::vector<int64_t> &out);
/// The inverse; false with the register and its value when one is out of
/// its range (a record that the reader did not write).
bool unpackType(const int64_t *row, NeuronType &t, std::string &why);

} // namespace snnrt::truenorth

#endif // SNNRT_TRUENORTH_TRUENORTHCORE_H
