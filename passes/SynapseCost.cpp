//===- SynapseCost.cpp - what connection ops put on a chip ----------------===//

#include "passes/SynapseCost.h"

#include "dialects/SNN/Weights.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

#include <cmath>

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

ConnectionCost snnc::costOf(Operation *op, const ChipDescription &chip) {
  ConnectionCost c;
  Type in = op->getOperand(0).getType();
  Type out = op->getResult(0).getType();
  double n = double(getNumElements(in)), m = double(getNumElements(out));
  if (llvm::isa<LinearOp, AffineOp>(op)) {
    c.synapses = c.storedWeights = n * m;
    c.maxFanIn = n;
  } else if (auto sparse = llvm::dyn_cast<SparseOp>(op)) {
    c.synapses = c.storedWeights = double(sparse.getWeights().getNumElements());
    SmallVector<int64_t> rows;
    if (succeeded(readIntegers(sparse.getRows(), rows))) {
      std::vector<double> inDegree(size_t(m), 0.0);
      if (sparse.getFormat() == SparseFormat::csr) {
        for (size_t j = 0; j + 1 < rows.size(); ++j)
          inDegree[j] = double(rows[j + 1] - rows[j]);
      } else {
        for (int64_t r : rows)
          inDegree[size_t(r)] += 1;
      }
      for (double d : inDegree)
        c.maxFanIn = std::max(c.maxFanIn, d);
    } else {
      c.maxFanIn = n;
    }
  } else if (auto proc = llvm::dyn_cast<ProceduralOp>(op)) {
    double expected = 0, fanIn = 0;
    switch (proc.getConnector()) {
    case Connector::fixed_probability: {
      double p = proc.getProbability()->convertToDouble();
      expected = p * n * m;
      // The largest of m binomial in-degrees: mean plus five deviations
      // covers it for any practical m.
      fanIn = std::min(n, p * n + 5 * std::sqrt(p * (1 - p) * n));
      break;
    }
    case Connector::fixed_indegree:
      expected = double(*proc.getIndegree()) * m;
      fanIn = double(*proc.getIndegree());
      break;
    case Connector::one_to_one:
      expected = m;
      fanIn = 1;
      c.local = true;
      break;
    }
    c.synapses = c.procedural = expected;
    c.maxFanIn = fanIn;
    // No chip generates synapses: on chip they are stored.
    c.storedWeights = expected;
  } else if (llvm::isa<Conv1dOp, Conv2dOp>(op)) {
    ElementsAttr w = llvm::isa<Conv1dOp>(op)
                         ? llvm::cast<Conv1dOp>(op).getWeight()
                         : llvm::cast<Conv2dOp>(op).getWeight();
    ArrayRef<int64_t> ws = w.getShapedType().getShape();
    double perOutput = double(ShapedType::getNumElements(ws.drop_front()));
    c.synapses = m * perOutput;
    c.storedWeights = chip.sharedKernels ? double(ShapedType::getNumElements(ws)) : c.synapses;
    c.maxFanIn = perOutput;
    c.local = true;
  } else if (llvm::isa<SumPool2dOp, AvgPool2dOp>(op)) {
    ArrayRef<int64_t> k = llvm::isa<SumPool2dOp>(op)
                              ? llvm::cast<SumPool2dOp>(op).getKernelSize()
                              : llvm::cast<AvgPool2dOp>(op).getKernelSize();
    c.maxFanIn = double(k[0] * k[1]);
    c.synapses = c.storedWeights = m * c.maxFanIn;
    c.local = true;
  } else if (llvm::isa<ScaleOp>(op)) {
    c.synapses = c.storedWeights = m;
    c.maxFanIn = 1;
    c.local = true;
  } else {
    c.local = true; // flatten, delay: the same elements
    c.maxFanIn = 1;
  }
  return c;
}


const ChipDescription *snnc::lookupChipOrError(Operation *op, StringRef name) {
  const ChipDescription *chip = lookupChip(name);
  if (!chip)
    op->emitError() << "unknown chip '" << name << "' (known: "
                    << llvm::join(chipNames(), ", ") << ")";
  return chip;
}

const ChipDescription *snnc::getTargetChip(Operation *op) {
  snn::TargetAttr target = snn::TargetAttr::lookup(op);
  if (!target || target.getChipName().empty()) {
    op->emitError() << "has no target chip: the module needs an "
                    << snn::TargetAttr::kAttrName
                    << " with a chip (snnc --chip=NAME or --target=NAME, or "
                       "snn-assign-target{chip=NAME})";
    return nullptr;
  }
  return lookupChipOrError(op, target.getChipName());
}

unsigned snnc::bitsPerSynapse(const ChipDescription &chip) {
  unsigned best = ~0u;
  for (const SynapseEncoding &e : chip.encodings)
    best = std::min(best, e.indexBits + e.overheadBits +
                              (e.name == "crossbar" ? 1u : chip.maxWeightBits));
  return best;
}

mapping::Problem snnc::buildProblem(NetworkOp network,
                                    const ChipDescription &chip,
                                    SmallVectorImpl<Operation *> &pops) {
  mapping::Problem problem;
  llvm::DenseMap<Operation *, size_t> indexOf;
  for (Operation &op : network.getBodyBlock())
    if (auto neuron = llvm::dyn_cast<NeuronOpInterface>(op)) {
      indexOf[&op] = pops.size();
      pops.push_back(&op);
      problem.populations.push_back(
          {op.getName().stripDialect().str() + "_" + std::to_string(pops.size() - 1),
           neuron.getNumNeurons()});
    }
  unsigned bits = bitsPerSynapse(chip);
  for (Operation *target : pops)
    for (Value in : target->getOperands()) {
      mapping::Projection p{0, indexOf[target], 0, 0, 1, true};
      // Back through the connections to the population they start from.
      Value v = in;
      while (Operation *def = v.getDefiningOp()) {
        if (llvm::isa<NeuronOpInterface>(def))
          break;
        ConnectionCost c = costOf(def, chip);
        p.synapses += c.synapses;
        p.storedBits += c.storedWeights * bits;
        p.fanIn *= std::max(1.0, c.maxFanIn);
        p.local = p.local && c.local;
        v = def->getOperand(0);
      }
      Operation *source = v.getDefiningOp();
      if (!source)
        continue; // from a network input: off chip
      p.source = indexOf[source];
      if (p.synapses == 0) { // a population read directly: one to one
        p.synapses = double(problem.populations[p.target].neurons);
        p.local = true;
      }
      // A target that splits wide fan-in takes it a core's worth at a time.
      if (chip.maxFanIn > chip.fanInPerCore)
        p.fanIn = std::min(p.fanIn, double(chip.fanInPerCore));
      problem.projections.push_back(p);
    }
  return problem;
}

std::string snnc::shortNumber(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
}

LogicalResult snnc::readRecordedPartition(NetworkOp network,
                                          const ChipDescription &chip,
                                          mapping::Problem &problem,
                                          mapping::Partition &part,
                                          Operation **missing) {
  if (missing)
    *missing = nullptr;
  auto summary = network->getAttrOfType<DictionaryAttr>("snn.partition");
  auto cores = summary ? summary.getAs<IntegerAttr>("cores") : IntegerAttr();
  if (!cores)
    return failure();
  SmallVector<Operation *> pops;
  problem = buildProblem(network, chip, pops);
  part = mapping::Partition();
  part.numCores = cores.getInt();
  for (Operation *op : pops) {
    auto assigned = op->getAttrOfType<DenseI64ArrayAttr>("snn.cores");
    auto chunk = op->getAttrOfType<IntegerAttr>("snn.chunk");
    if (!assigned || !chunk) {
      if (missing)
        *missing = op;
      return failure();
    }
    part.cores.push_back(assigned.asArrayRef().vec());
    part.chunkSizes.push_back(chunk.getInt());
  }
  return success();
}
