//===- ResourceAnalysis.cpp - what a network needs on a chip --------------===//
//
// Counts neurons and synapses, sizes synapse memory in the chip's encoding,
// finds the largest fan-in, and derives the lower bound on cores from the
// per-core capacities. The partitioner's result is judged against this
// bound. Figures are attached to the network as `snn.resources`.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"
#include "passes/SynapseCost.h"
#include "targets/ChipDescription.h"

#include "dialects/SNN/Weights.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Debug.h"
#include "llvm/Support/Format.h"

#include <cmath>

#define DEBUG_TYPE "snn-resource-analysis"

namespace snnc {
#define GEN_PASS_DEF_SNNRESOURCEANALYSIS
#include "passes/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {
struct SNNResourceAnalysisPass
    : public snnc::impl::SNNResourceAnalysisBase<SNNResourceAnalysisPass> {
  using Base::Base;
  void runOnOperation() override;
};

void SNNResourceAnalysisPass::runOnOperation() {
  NetworkOp network = getOperation();
  const ChipDescription *chip = getTargetChip(network);
  if (!chip)
    return signalPassFailure();
  double neurons = 0, spikingNeurons = 0, synapses = 0, stored = 0,
         procedural = 0, maxFanIn = 0, plastic = 0;
  bool failedAny = false;
  for (Operation &op : network.getBodyBlock()) {
    if (llvm::isa<OutputOp, ProbeOp>(op))
      continue;
    StringRef kind = op.getName().stripDialect();
    if (auto neuron = llvm::dyn_cast<NeuronOpInterface>(op)) {
      if (!chip->runsNeuronModel(kind)) {
        op.emitOpError() << "is a neuron model " << chip->name
                         << " does not run (it runs "
                         << llvm::join(chip->neuronModels, ", ") << ")";
        failedAny = true;
        continue;
      }
      neurons += double(neuron.getNumNeurons());
      if (llvm::isa<SpikeType>(op.getResult(0).getType()))
        spikingNeurons += double(neuron.getNumNeurons());
      continue;
    }
    if (!chip->runsConnection(kind)) {
      op.emitOpError() << "is a connection " << chip->name
                       << " does not run (it runs "
                       << llvm::join(chip->layerKinds, ", ") << ")";
      failedAny = true;
      continue;
    }
    ConnectionCost c = costOf(&op, *chip);
    if (c.maxFanIn > double(chip->fanInLimit())) {
      op.emitOpError() << "fan-in of " << int64_t(std::ceil(c.maxFanIn))
                       << " exceeds the " << chip->fanInLimit()
                       << (chip->maxFanIn > 0
                               ? " inputs a " + chip->name.str() +
                                     " neuron can take split across cores"
                               : " axons of a " + chip->name.str() + " core");
      failedAny = true;
    }
    synapses += c.synapses;
    if (op.hasAttr("stdp"))
      plastic += c.synapses;
    stored += c.storedWeights;
    procedural += c.procedural;
    maxFanIn = std::max(maxFanIn, c.maxFanIn);
  }
  if (failedAny)
    return signalPassFailure();

  // Synapse memory: the cheapest encoding, at the widest weights the chip
  // takes (quantization may narrow them later).
  double synapseBits = stored * bitsPerSynapse(*chip);
  double byNeurons = std::ceil(neurons / double(chip->neuronsPerCore));
  double byMemory = chip->synapseMemoryBitsPerCore > 0
                        ? std::ceil(synapseBits /
                                    double(chip->synapseMemoryBitsPerCore))
                        : 0.0;
  double cores = std::max({1.0, byNeurons, byMemory});
  StringRef binding = byMemory > byNeurons ? "synapse memory" : "neurons";
  double chips = std::ceil(cores / double(chip->coresPerChip));
  if (chips > double(chip->maxChips)) {
    network.emitError() << "needs at least " << int64_t(cores)
                        << " cores (bound by " << binding << ") on "
                        << int64_t(chips) << " chips; the largest "
                        << chip->name << " system has " << chip->maxChips;
    return signalPassFailure();
  }

  // Energy per step from the figures the chip has: at the assumed rate, or
  // at the activity the emulator measured when the network carries a
  // profile (`snn.activity`, set by `snnc --activity`).
  double dtMs = network.getDt() ? network.getDt()->at(0) : 1.0;
  // Every synapse's source (a spiking population or an input) fires at the
  // assumed rate.
  double eventsPerStep = synapses * rate * dtMs / 1000.0;
  double rateHz = rate;
  int64_t activitySteps = 0;
  if (auto activity =
          network->getAttrOfType<DictionaryAttr>("snn.activity")) {
    auto steps = activity.getAs<IntegerAttr>("steps");
    auto dt = activity.getAs<FloatAttr>("dt_ms");
    auto spikes = activity.getAs<IntegerAttr>("spikes");
    auto events = activity.getAs<IntegerAttr>("synaptic_events");
    if (!steps || !dt || !spikes || !events || steps.getInt() <= 0 ||
        spikes.getInt() < 0 || events.getInt() < 0) {
      network.emitError()
          << "snn.activity needs steps > 0 (integer), dt_ms (float), and "
             "spikes and synaptic_events >= 0 (integers)";
      return signalPassFailure();
    }
    if (std::abs(dt.getValueAsDouble() - dtMs) > 1e-9 * dtMs) {
      network.emitError() << "the activity profile was recorded at dt "
                          << shortNumber(dt.getValueAsDouble())
                          << " ms; the network steps at dt "
                          << shortNumber(dtMs) << " ms";
      return signalPassFailure();
    }
    activitySteps = steps.getInt();
    rateHz = double(spikes.getInt()) / double(activitySteps) * 1000.0 / dtMs /
             std::max(spikingNeurons, 1.0);
    eventsPerStep = double(events.getInt()) / double(activitySteps);
  }
  double energy = 0;
  bool energyKnown = false;
  if (const SourcedFigure *syn = chip->findEnergy("synaptic_op")) {
    energy += eventsPerStep * syn->value;
    energyKnown = true;
  }
  if (const SourcedFigure *upd = chip->findEnergy("neuron_update_inactive"))
    energy += neurons * upd->value;
  // A plastic synapse is updated when its pre- or its postsynaptic neuron
  // spikes; both at the mean rate.
  double learningUpdates = 2.0 * plastic * rateHz * dtMs / 1000.0;
  if (const SourcedFigure *upd = chip->findEnergy("synaptic_update"))
    energy += learningUpdates * upd->value;
  // Steps per second: as given, else real time (one step per dt).
  double stepsPerSecond = stepRate > 0 ? double(stepRate) : 1000.0 / dtMs;
  double power = energy * stepsPerSecond + chips * chip->staticPower.value;

  MLIRContext *ctx = &getContext();
  Builder b(ctx);
  SmallVector<NamedAttribute> entries = {
      b.getNamedAttr("neurons", b.getI64IntegerAttr(int64_t(neurons))),
      b.getNamedAttr("synapses",
                     b.getI64IntegerAttr(int64_t(std::llround(synapses)))),
      b.getNamedAttr("synapses_procedural",
                     b.getI64IntegerAttr(int64_t(std::llround(procedural)))),
      b.getNamedAttr("weights_stored",
                     b.getI64IntegerAttr(int64_t(std::llround(stored)))),
      b.getNamedAttr("synapse_bits", b.getI64IntegerAttr(int64_t(synapseBits))),
      b.getNamedAttr("max_fan_in",
                     b.getI64IntegerAttr(int64_t(std::ceil(maxFanIn)))),
      b.getNamedAttr("cores_lower_bound", b.getI64IntegerAttr(int64_t(cores))),
      b.getNamedAttr("binding_limit", b.getStringAttr(binding)),
      b.getNamedAttr("chips", b.getI64IntegerAttr(int64_t(chips))),
      b.getNamedAttr("rate_hz", b.getF64FloatAttr(rateHz)),
  };
  if (activitySteps)
    entries.push_back(
        b.getNamedAttr("activity_steps", b.getI64IntegerAttr(activitySteps)));
  if (plastic > 0) {
    entries.push_back(b.getNamedAttr(
        "synapses_plastic", b.getI64IntegerAttr(int64_t(std::llround(plastic)))));
    entries.push_back(b.getNamedAttr("learning_updates_per_step",
                                     b.getF64FloatAttr(learningUpdates)));
  }
  if (energyKnown) {
    entries.push_back(b.getNamedAttr("energy_per_step_j", b.getF64FloatAttr(energy)));
    entries.push_back(b.getNamedAttr("power_w", b.getF64FloatAttr(power)));
    entries.push_back(b.getNamedAttr("steps_per_second",
                                     b.getF64FloatAttr(stepsPerSecond)));
  }
  network->setAttr("snn.resources", b.getDictionaryAttr(entries));
  numNeurons += int64_t(neurons);
  numSynapses += int64_t(std::llround(synapses));
  numCores += int64_t(cores);
  LLVM_DEBUG(llvm::dbgs() << network.getSymName() << ": " << cores
                          << " cores on " << chip->name << "\n");
}
} // namespace
