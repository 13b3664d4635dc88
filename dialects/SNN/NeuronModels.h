//===- NeuronModels.h - tables describing each neuron model -----*- C++ -*-===//
//
// One table per neuron op: its parameters with dimension, range and default,
// its state variables, and which per-step coefficients each integration scheme
// produces. Verifiers, snn-discretize and later lowerings read these tables
// rather than switching on op kinds.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_DIALECT_SNN_NEURONMODELS_H
#define SNNC_DIALECT_SNN_NEURONMODELS_H

#include "dialects/SNN/Units.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace snnc::snn {

/// The admissible values of a parameter.
enum class Range { any, positive, nonNegative };

struct ParamSpec {
  llvm::StringRef name;
  units::Dim dim;
  Range range;
  /// The value used when the parameter is absent; none means required.
  std::optional<double> defaultValue;
  /// Parameters such as `tau_syn` of a conductance model hold one value per
  /// synaptic channel instead of one per neuron.
  bool perChannel = false;
};

struct StateSpec {
  llvm::StringRef name;
  units::Dim dim;
};

struct NeuronModel {
  llvm::StringRef name;
  llvm::ArrayRef<ParamSpec> params;
  llvm::ArrayRef<StateSpec> states;
  /// True if the population emits spikes, false if it outputs its membrane.
  bool spiking;
  /// True if the op takes `reset` and `refractory`.
  bool hasSpikeControl;
  /// Dimension in which the inputs are read (current for most models,
  /// conductance for conductance-based synapses, voltage for threshold).
  units::Dim inputDim;

  const ParamSpec *findParam(llvm::StringRef name) const;
  const StateSpec *findState(llvm::StringRef name) const;
};

} // namespace snnc::snn

#endif // SNNC_DIALECT_SNN_NEURONMODELS_H

namespace snnc::snn {
enum class Scheme : uint32_t;

/// The per-step coefficients that `snn-discretize` writes for `model` under
/// `scheme`, or none when the model cannot be integrated that way. The
/// update each coefficient enters is written down in docs/dialects/SNN.md.
std::optional<llvm::SmallVector<llvm::StringRef>>
getStepCoefficients(const NeuronModel &model, Scheme scheme);
} // namespace snnc::snn
