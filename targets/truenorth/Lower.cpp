//===- Lower.cpp - an snn network onto TrueNorth cores (truenorth-lower) --===//
//
// The IR adapter over Lowering.h: reads each population and connection of a
// discretized network into plain data, lets the lowering lay out the cores,
// and writes the result as a tn.program beside the network, with what the
// mapping cost as snn.quant_error on the ops it approximates.
//
//===----------------------------------------------------------------------===//

#include "targets/truenorth/Passes.h"

#include "dialects/SNN/Naming.h"
#include "dialects/SNN/Weights.h"
#include "passes/SynapseCost.h"
#include "targets/Synapses.h"
#include "targets/truenorth/Lowering.h"

#include "snnrt/TrueNorth.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"

#define DEBUG_TYPE "truenorth-lower"

namespace snnc::truenorth {
#define GEN_PASS_DEF_TRUENORTHLOWER
#include "targets/truenorth/Passes.h.inc"
} // namespace snnc::truenorth

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;
namespace tnrt = snnrt::truenorth;

namespace {
/// The one value of a parameter over the population, or failure.
FailureOr<double> uniformParam(Operation *op, const NeuronModel &model,
                               StringRef name, double fallback) {
  SmallVector<double> values = getParamValues(op, model, name, fallback);
  for (double v : values)
    if (v != values.front())
      return op->emitOpError() << "has a different '" << name
                               << "' per neuron; TrueNorth neurons of one "
                                  "population share one neuron type";
  return values.front();
}

/// The one value of a step coefficient, or failure.
FailureOr<double> uniformCoefficient(Operation *op, StepAttr step,
                                     StringRef name) {
  auto values = llvm::dyn_cast_or_null<DenseF64ArrayAttr>(
      step.getCoefficients().get(name));
  if (!values || values.empty())
    return op->emitOpError() << "lacks the step coefficient '" << name << "'";
  for (double v : values.asArrayRef())
    if (v != values[0])
      return op->emitOpError() << "has a different '" << name
                               << "' per neuron; TrueNorth neurons of one "
                                  "population share one neuron type";
  return values[0];
}

/// A population and how its input is scaled into mV.
struct Population {
  size_t group;
  double gain = 1.0; ///< mV per unit of input (1 for threshold units)
};

struct TruenorthLowerPass
    : public snnc::truenorth::impl::TruenorthLowerBase<TruenorthLowerPass> {
  using Base::Base;
  void runOnOperation() override;

private:
  LogicalResult lowerNetwork(NetworkOp network, const ChipDescription &chip);
  LogicalResult describeGroup(NeuronOpInterface neuron, truenorth::Group &g,
                              Population &pop);

  llvm::MapVector<Operation *, Population> populations;
};

LogicalResult TruenorthLowerPass::describeGroup(NeuronOpInterface neuron,
                                                truenorth::Group &g,
                                                Population &pop) {
  Operation *op = neuron.getOperation();
  StringRef kind = op->getName().stripDialect();
  const NeuronModel &model = neuron.getModel();
  g.size = neuron.getNumNeurons();
  if (kind != "if" && kind != "lif" && kind != "threshold")
    return op->emitOpError()
           << "has no TrueNorth form: TrueNorth's neuron runs snn.if and "
              "snn.threshold exactly and snn.lif with a linear leak";
  auto spikes = llvm::dyn_cast<SpikeType>(op->getResult(0).getType());
  if (!spikes || spikes.getPayloadBits() != 0)
    return op->emitOpError() << "does not emit binary spikes; TrueNorth "
                                "neurons send one-bit spikes";
  if (kind == "threshold") {
    FailureOr<double> vth = uniformParam(op, model, "v_threshold", 0.0);
    if (failed(vth))
      return failure();
    g.kind = truenorth::Group::Kind::threshold;
    g.span = *vth;
    if (!(g.span > 0))
      return op->emitOpError() << "has a threshold of " << shortNumber(g.span)
                               << "; TrueNorth's threshold unit needs a "
                                  "positive one";
    pop.gain = 1.0;
    return success();
  }
  if (auto refractory = op->getAttrOfType<QuantityAttr>("refractory"))
    for (double r : refractory.getValues().asArrayRef())
      if (r != 0.0)
        return op->emitOpError()
               << "has a refractory period of " << shortNumber(r)
               << " ms; TrueNorth's neuron has none";
  auto step = op->getAttrOfType<StepAttr>("step");
  if (!step)
    return op->emitOpError()
           << "is not discretized; run snn-discretize before truenorth-lower";
  FailureOr<double> vth = uniformParam(op, model, "v_threshold", 0.0);
  FailureOr<double> vreset = uniformParam(op, model, "v_reset", 0.0);
  FailureOr<double> vleak = uniformParam(op, model, "v_leak", 0.0);
  FailureOr<double> bias = uniformParam(op, model, "bias", 0.0);
  FailureOr<double> gain = uniformCoefficient(op, step, "gain");
  if (failed(vth) || failed(vreset) || failed(vleak) || failed(bias) ||
      failed(gain))
    return failure();
  auto reset = op->getAttrOfType<ResetModeAttr>("reset");
  ResetMode mode = reset ? reset.getValue() : ResetMode::value;
  g.resetMode = mode == ResetMode::value      ? 0
                : mode == ResetMode::subtract ? 1
                                              : 2;
  // Reset by subtraction takes the threshold itself off: potentials are
  // measured from 0; otherwise from the reset potential.
  double ref = mode == ResetMode::subtract ? 0.0 : *vreset;
  g.span = *vth - ref;
  pop.gain = *gain;
  double alpha = 1.0;
  if (kind == "lif") {
    FailureOr<double> a = uniformCoefficient(op, step, "alpha");
    if (failed(a))
      return failure();
    alpha = *a;
    g.kind = truenorth::Group::Kind::leaky;
    g.alpha = alpha;
  }
  g.drive = (1 - alpha) * (*vleak - ref) + *gain * *bias;
  double v0 = kind == "lif" ? *vleak : 0.0;
  if (auto init = op->getAttrOfType<DictionaryAttr>("init"))
    if (Attribute v = init.get("v")) {
      auto q = llvm::dyn_cast<QuantityAttr>(v);
      if (!q || !q.isScalar())
        return op->emitOpError() << "starts from a distribution or per-neuron "
                                    "potentials; TrueNorth neurons of one "
                                    "population share one initial potential";
      v0 = q.at(0);
    }
  g.initial = v0 - ref;
  return success();
}

LogicalResult TruenorthLowerPass::lowerNetwork(NetworkOp network,
                                               const ChipDescription &chip) {
  if (!network.getDt())
    return network.emitOpError()
           << "has no 'dt'; run snn-discretize before truenorth-lower";
  truenorth::Problem problem;
  Block &body = network.getBodyBlock();
  for (BlockArgument arg : body.getArguments()) {
    auto spikes = llvm::dyn_cast<SpikeType>(arg.getType());
    if (!spikes || spikes.getPayloadBits() != 0)
      return network.emitOpError()
             << "has input " << arg.getArgNumber()
             << " of currents or graded spikes; TrueNorth takes binary spikes";
    problem.inputSizes.push_back(spikes.getNumElements());
  }
  OpNames names(network);
  populations.clear();
  bool failedAny = false;
  for (Operation &op : body)
    if (auto neuron = llvm::dyn_cast<NeuronOpInterface>(op)) {
      truenorth::Group g;
      g.name = names.lookup(&op).str();
      Population pop{problem.groups.size()};
      failedAny |= failed(describeGroup(neuron, g, pop));
      populations[&op] = pop;
      problem.groups.push_back(g);
    }
  if (failedAny)
    return failure();

  // Populations take input only through synapses.
  for (auto &[op, pop] : populations)
    for (Value input : op->getOperands()) {
      Operation *def = getDefiningOpThroughFlattens(input);
      if (!def || populations.count(def))
        return op->emitOpError() << "reads "
                                 << (def ? "another population's membrane"
                                         : "a "
                                           "network input")
                                 << " directly; TrueNorth "
                                    "neurons take input only through synapses";
    }

  // Connections: source (through flattens and delays) and target.
  SmallVector<Operation *> edgeOps;
  for (Operation &op : body) {
    if (llvm::isa<NeuronOpInterface, FlattenOp, DelayOp, OutputOp, ProbeOp>(op))
      continue;
    if (!llvm::isa<LinearOp, AffineOp, SparseOp, ProceduralOp, Conv2dOp,
                   SumPool2dOp, AvgPool2dOp>(op))
      return op.emitOpError() << "has no TrueNorth form (it runs linear, "
                                 "affine, sparse, procedural, conv2d, "
                                 "sum_pool2d, avg_pool2d, flatten and delay)";
    if (op.getAttr("stdp"))
      return op.emitOpError() << "learns; TrueNorth's synapses are fixed "
                                 "(train offline, then deploy)";
    truenorth::Edge edge;
    // Target: the one population that reads the current.
    Operation *target = nullptr;
    SmallVector<Value> frontier = {op.getResult(0)};
    while (!frontier.empty()) {
      Value v = frontier.pop_back_val();
      for (Operation *user : v.getUsers()) {
        if (llvm::isa<FlattenOp>(user)) {
          frontier.push_back(user->getResult(0));
        } else if (populations.count(user) && (!target || target == user)) {
          target = user;
        } else if (!llvm::isa<ProbeOp>(user)) {
          return op.emitOpError() << "feeds '" << user->getName()
                                  << "'; on TrueNorth a connection feeds one "
                                     "population";
        }
      }
    }
    if (!target)
      return op.emitOpError() << "feeds no population";
    edge.target = populations[target].group;
    // Source: an input or a population, with the delay on the way.
    Value input = op.getOperand(0);
    int64_t steps = 0;
    while (Operation *def = input.getDefiningOp()) {
      if (auto delay = llvm::dyn_cast<DelayOp>(def)) {
        std::optional<ArrayRef<int64_t>> s = delay.getSteps();
        if (!s)
          return delay.emitOpError()
                 << "is not discretized; run snn-discretize first";
        for (int64_t d : *s)
          if (d != s->front())
            return delay.emitOpError()
                   << "delays its elements differently; a TrueNorth "
                      "connection has one delay";
        steps += s->front();
        input = delay.getInput();
        continue;
      }
      if (llvm::isa<FlattenOp>(def)) {
        input = def->getOperand(0);
        continue;
      }
      break;
    }
    if (auto arg = llvm::dyn_cast<BlockArgument>(input)) {
      edge.fromInput = true;
      edge.source = arg.getArgNumber();
      if (steps != 0)
        return op.emitOpError()
               << "reads network input " << arg.getArgNumber() << " delayed by "
               << steps
               << " steps; TrueNorth inputs reach their axons without delay";
    } else if (populations.count(input.getDefiningOp())) {
      edge.source = populations[input.getDefiningOp()].group;
    } else {
      return op.emitOpError() << "reads '" << input.getDefiningOp()->getName()
                              << "', which has no TrueNorth form";
    }
    // One tick to the next core, and the delay beyond it.
    edge.delay = 1 + steps;
    std::vector<ExplicitSynapse> synapses;
    if (failed(expandSynapses(&op, synapses)))
      return failure();
    double gain = populations[target].gain;
    for (const ExplicitSynapse &s : synapses) {
      if (!std::isfinite(s.weight))
        return op.emitOpError() << "has a weight that is not a finite number ("
                                << s.weight << ")";
      edge.synapses.push_back({s.source, s.target, s.weight * gain});
    }
    // A bias is a constant drive of its population.
    ElementsAttr biasAttr;
    if (auto affine = llvm::dyn_cast<AffineOp>(op))
      biasAttr = affine.getBias();
    if (auto conv = llvm::dyn_cast<Conv2dOp>(op))
      biasAttr = conv.getBiasAttr();
    if (biasAttr) {
      SmallVector<double> biases;
      if (failed(readFloats(biasAttr, biases)))
        return op.emitOpError() << "has a bias that cannot be read";
      for (double b : biases)
        if (b != biases.front())
          return op.emitOpError()
                 << "has a different bias per neuron; a TrueNorth population "
                    "holds one leak, and per-neuron leaks are not laid out";
      truenorth::Group &g = problem.groups[edge.target];
      if (g.kind == truenorth::Group::Kind::threshold && biases.front() != 0)
        return op.emitOpError() << "adds a bias to a threshold unit, whose "
                                   "leak already holds its threshold";
      g.drive += gain * biases.front();
    }
    problem.edges.push_back(std::move(edge));
    edgeOps.push_back(&op);
  }

  auto output = llvm::cast<OutputOp>(body.getTerminator());
  for (auto [k, v] : llvm::enumerate(output.getOutputs())) {
    Operation *def = getDefiningOpThroughFlattens(v);
    if (!def || !populations.count(def))
      return output.emitOpError() << "returns result " << k
                                  << ", which no TrueNorth neuron produces";
    problem.outputs.push_back(populations[def].group);
  }

  truenorth::Limits limits{
      tnrt::kMinWeight,      tnrt::kMaxWeight,
      tnrt::kMinLeak,        tnrt::kMaxLeak,
      tnrt::kMaxThreshold,   tnrt::kMaxNegativeThreshold,
      tnrt::kMaxDelay,       tnrt::kAxonsPerCore,
      tnrt::kNeuronsPerCore, chip.coresPerChip * chip.maxChips};
  truenorth::Program program;
  std::string error;
  if (!truenorth::lower(problem, limits, program, error))
    return network.emitOpError()
           << "cannot be laid out on truenorth cores: " << error;

  // What the mapping cost, on the ops it approximates.
  Builder b(&getContext());
  for (auto [k, op] : llvm::enumerate(edgeOps)) {
    NamedAttrList errors;
    errors.append("weight_max", b.getF64FloatAttr(program.weightMaxError[k]));
    errors.append("weight_rms", b.getF64FloatAttr(program.weightRmsError[k]));
    // Only a loss is recorded, for snn-check-quantization and the report.
    if (program.weightZeroed[k] > 0)
      errors.append("weights_zeroed",
                    b.getF64FloatAttr(program.weightZeroed[k]));
    op->setAttr("snn.quant_error", errors.getDictionary(&getContext()));
  }
  for (auto &[op, pop] : populations)
    if (problem.groups[pop.group].kind == truenorth::Group::Kind::leaky)
      op->setAttr(
          "snn.quant_error",
          b.getDictionaryAttr({b.getNamedAttr(
              "leak", b.getF64FloatAttr(program.leakError[pop.group]))}));

  // What the layout took, for the report.
  network->setAttr(
      "snn.layout",
      b.getDictionaryAttr(
          {b.getNamedAttr("cores",
                          b.getI64IntegerAttr(int64_t(program.cores.size()))),
           b.getNamedAttr("lower_bound",
                          b.getI64IntegerAttr(program.lowerBound)),
           b.getNamedAttr("duplicate_neurons",
                          b.getI64IntegerAttr(program.duplicateNeurons)),
           b.getNamedAttr("partial_sum_neurons",
                          b.getI64IntegerAttr(program.partialSumNeurons))}));

  // The program.
  OpBuilder builder(network);
  builder.setInsertionPointAfter(network);
  SmallVector<Attribute> types;
  for (const truenorth::NeuronType &t : program.types)
    types.push_back(tn::NeuronAttr::get(
        &getContext(), b.getDenseI64ArrayAttr(t.weights), t.leak,
        t.leakReversal, t.threshold, t.negativeThreshold, t.maskBits,
        t.resetMode, t.negativeMode, t.reset, t.initial));
  auto pairList = [&](const std::vector<std::pair<int64_t, int64_t>> &pairs) {
    SmallVector<Attribute> list;
    for (auto [c, i] : pairs)
      list.push_back(b.getDenseI64ArrayAttr({c, i}));
    return b.getArrayAttr(list);
  };
  SmallVector<Attribute> inputs, outputs;
  for (const auto &elements : program.inputs) {
    SmallVector<Attribute> perElement;
    for (const auto &targets : elements)
      perElement.push_back(pairList(targets));
    inputs.push_back(b.getArrayAttr(perElement));
  }
  for (const auto &neurons : program.outputs)
    outputs.push_back(pairList(neurons));
  auto prog = builder.create<tn::ProgramOp>(
      network.getLoc(), b.getStringAttr(network.getSymName() + "_truenorth"),
      b.getF64FloatAttr(network.getDt()->at(0)), b.getArrayAttr(types),
      b.getArrayAttr(inputs), b.getArrayAttr(outputs));
  Block *block = new Block();
  prog.getBody().push_back(block);
  builder.setInsertionPointToStart(block);
  std::vector<Operation *> groupOps(problem.groups.size());
  for (auto &[op, pop] : populations)
    groupOps[pop.group] = op;
  for (auto [c, core] : llvm::enumerate(program.cores)) {
    SmallVector<Attribute> rows;
    for (const std::bitset<256> &row : core.crossbar) {
      std::string hex(64, '0');
      for (size_t j = 0; j < 256; ++j)
        if (row[j])
          hex[j / 4] = "0123456789ABCDEF"[llvm::hexDigitValue(hex[j / 4]) |
                                          (8 >> (j % 4))];
      rows.push_back(b.getStringAttr(hex));
    }
    // A relay the lowering added for a long delay has no op of its own.
    std::string label =
        core.group < groupOps.size()
            ? groupOps[core.group]->getName().getStringRef().str() + " @" +
                  names.lookup(groupOps[core.group]).str()
            : program.groupRoles[core.group] + " " +
                  program.groupNames[core.group];
    SmallVector<int64_t> axonTypes(core.axonTypes.begin(),
                                   core.axonTypes.end());
    builder.create<tn::CoreOp>(
        network.getLoc(), b.getI64IntegerAttr(int64_t(c)),
        b.getDenseI64ArrayAttr(axonTypes), b.getArrayAttr(rows),
        b.getDenseI64ArrayAttr(core.types),
        b.getDenseI64ArrayAttr(core.destCores),
        b.getDenseI64ArrayAttr(core.destAxons),
        b.getDenseI64ArrayAttr(core.destDelays), b.getStringAttr(label),
        b.getDenseI64ArrayAttr(core.neurons));
  }
  numCores += program.cores.size();
  numDuplicates += uint64_t(program.duplicateNeurons);
  if (failed(mlir::verify(prog)))
    return failure();
  return success();
}

void TruenorthLowerPass::runOnOperation() {
  SmallVector<NetworkOp> networks(getOperation().getOps<NetworkOp>());
  for (NetworkOp network : networks) {
    const ChipDescription *chip = getTargetChip(network);
    if (!chip)
      return signalPassFailure();
    if (chip->name != snnc::truenorth::kChipName) {
      network.emitOpError() << "cannot be laid out for " << chip->name
                            << " by truenorth-lower: the module's target chip "
                               "must be truenorth";
      return signalPassFailure();
    }
    if (failed(lowerNetwork(network, *chip)))
      return signalPassFailure();
  }
}
} // namespace
