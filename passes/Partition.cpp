//===- Partition.cpp - snn-partition and snn-place over the IR ------------===//
//
// Both passes translate the network to a mapping::Problem and back: the
// algorithms (passes/Mapping.cpp) never see IR.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"
#include "passes/SynapseCost.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"

namespace snnc {
#define GEN_PASS_DEF_SNNPARTITION
#define GEN_PASS_DEF_SNNPLACE
#include "passes/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {
struct SNNPartitionPass : public snnc::impl::SNNPartitionBase<SNNPartitionPass> {
  using Base::Base;
  void runOnOperation() override {
    NetworkOp network = getOperation();
    const ChipDescription *chip = getTargetChip(network);
    if (!chip)
      return signalPassFailure();
    SmallVector<Operation *> pops;
    mapping::Problem problem = buildProblem(network, *chip, pops);
    mapping::Partition part;
    std::string error;
    if (!mapping::partition(problem, *chip, part, error)) {
      network.emitError() << "cannot be partitioned for " << chip->name
                          << ": " << error;
      return signalPassFailure();
    }
    Builder b(&getContext());
    for (auto [i, op] : llvm::enumerate(pops)) {
      op->setAttr("snn.chunk", b.getI64IntegerAttr(part.chunkSizes[i]));
      op->setAttr("snn.cores", b.getDenseI64ArrayAttr(part.cores[i]));
    }
    network->setAttr(
        "snn.partition",
        b.getDictionaryAttr({
            b.getNamedAttr("cores", b.getI64IntegerAttr(part.numCores)),
            b.getNamedAttr("lower_bound", b.getI64IntegerAttr(part.lowerBound)),
            b.getNamedAttr("binding_limit", b.getStringAttr(part.bindingLimit)),
            b.getNamedAttr("cut_synapses",
                           b.getI64IntegerAttr(int64_t(std::llround(part.cutSynapses)))),
            b.getNamedAttr("naive_cores", b.getI64IntegerAttr(part.naiveCores)),
            b.getNamedAttr("naive_cut_synapses",
                           b.getI64IntegerAttr(int64_t(std::llround(part.naiveCutSynapses)))),
        }));
    numCores += part.numCores;
  }
};

struct SNNPlacePass : public snnc::impl::SNNPlaceBase<SNNPlacePass> {
  using Base::Base;
  void runOnOperation() override {
    NetworkOp network = getOperation();
    const ChipDescription *chip = getTargetChip(network);
    if (!chip)
      return signalPassFailure();
    mapping::Problem problem;
    mapping::Partition part;
    Operation *missing = nullptr;
    if (failed(readRecordedPartition(network, *chip, problem, part,
                                     &missing))) {
      if (missing)
        missing->emitOpError()
            << "has no core assignment; run snn-partition first";
      else
        network.emitError() << "is not partitioned; run snn-partition first";
      return signalPassFailure();
    }
    mapping::Placement placement;
    mapping::place(problem, part, *chip, placement);
    SmallVector<int64_t> positions;
    int64_t chips = 0;
    for (size_t c = 0; c < placement.chip.size(); ++c) {
      positions.append({placement.chip[c], placement.x[c], placement.y[c]});
      chips = std::max(chips, placement.chip[c] + 1);
    }
    Builder b(&getContext());
    network->setAttr(
        "snn.placement",
        b.getDictionaryAttr({
            b.getNamedAttr("chips", b.getI64IntegerAttr(chips)),
            b.getNamedAttr("hop_synapses",
                           b.getI64IntegerAttr(int64_t(std::llround(placement.hopTraffic)))),
            b.getNamedAttr("naive_hop_synapses",
                           b.getI64IntegerAttr(int64_t(std::llround(placement.naiveHopTraffic)))),
            b.getNamedAttr("positions", b.getDenseI64ArrayAttr(positions)),
        }));
  }
};
} // namespace
