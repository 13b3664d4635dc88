//===- FakeTarget.cpp - a chip that exists only in the tests --------------===//
//
// Everything a target adds, from outside targets/: a chip description, a
// dialect with its number format (checked through NumberFormatAttrInterface),
// a pass of its own in its pipeline, and an emitter built on the shared
// emission helpers. `snnc-fake` is snnc with this target registered.
//
//===----------------------------------------------------------------------===//

#include "dialects/SNN/Naming.h"
#include "dialects/SNN/SNNOps.h"
#include "dialects/SNN/Weights.h"
#include "passes/Pipelines.h"
#include "targets/ChipDescription.h"
#include "targets/Emission.h"
#include "targets/Target.h"
#include "tools/snnc/Driver.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

#include "test/Target/Fake/FakeDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "test/Target/Fake/FakeAttributes.h.inc"

namespace snnc::fake {
#define GEN_PASS_DECL
#define GEN_PASS_DEF_FAKEQUANTIZE
#define GEN_PASS_REGISTRATION
#include "test/Target/Fake/FakePasses.h.inc"
} // namespace snnc::fake

#include "test/Target/Fake/FakeDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "test/Target/Fake/FakeAttributes.cpp.inc"

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

void fake::FakeDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "test/Target/Fake/FakeAttributes.cpp.inc"
      >();
}

/// The fake chip's weights have 1 to 4 bits and a positive step.
LogicalResult fake::FormatAttr::verifyOn(Operation *op) const {
  if (getBits() < 1 || getBits() > 4)
    return op->emitOpError()
           << "has fake bits = " << getBits() << ", outside 1..4";
  if (!(getStep().getValueAsDouble() > 0))
    return op->emitOpError()
           << "has fake step = " << getStep().getValueAsDouble()
           << "; it must be positive";
  return success();
}

namespace {
constexpr llvm::StringRef kModels[] = {"lif", "li", "if"};
constexpr llvm::StringRef kLayers[] = {"linear", "affine", "flatten"};
constexpr SynapseEncoding kEncodings[] = {{"dense", 0, 0}};
constexpr SourcedFigure kEnergy[] = {
    {"synaptic_op", 1e-12, "J", "made up for the tests"}};
constexpr SourcedFigure kFacts[] = {
    {"neurons_per_core", 64, "neurons", "made up for the tests"}};

const ChipDescription &fakeChip() {
  static const ChipDescription chip{
      "fakechip",
      "a chip that exists only in the tests: 4 cores of 64",
      /*coresPerChip=*/4,
      /*meshWidth=*/2,
      /*meshHeight=*/2,
      /*maxChips=*/2,
      /*neuronsPerCore=*/64,
      /*synapseMemoryBitsPerCore=*/64 * 64 * 4,
      /*fanInPerCore=*/256,
      /*fanOutPerCore=*/0,
      /*destinationsPerNeuron=*/0,
      /*distinctWeightsPerNeuron=*/0,
      /*maxWeightBits=*/4,
      /*signedWeights=*/true,
      /*stateBits=*/16,
      /*decayBits=*/8,
      /*maxDelaySteps=*/0,
      kEncodings,
      /*sharedKernels=*/false,
      kModels,
      kLayers,
      kEnergy,
      {"static_power", 0.001, "W", "made up for the tests"},
      kFacts};
  return chip;
}

/// Writes #fake.format<bits = 4, step = max|w| / 7> on every linear map.
struct FakeQuantizePass
    : public fake::impl::FakeQuantizeBase<FakeQuantizePass> {
  void runOnOperation() override {
    for (Operation &op : getOperation().getBodyBlock()) {
      if (!llvm::isa<LinearOp, AffineOp>(op))
        continue;
      SmallVector<double> weights;
      if (failed(readFloats(llvm::cast<ElementsAttr>(op.getAttr("weight")),
                            weights))) {
        op.emitOpError() << "has weights the fake chip cannot read";
        return signalPassFailure();
      }
      double largest = 0;
      for (double w : weights)
        largest = std::max(largest, std::fabs(w));
      op.setAttr("snn.quant",
                 fake::FormatAttr::get(
                     &getContext(), 4,
                     FloatAttr::get(Float64Type::get(&getContext()),
                                    largest > 0 ? largest / 7 : 1.0)));
    }
  }
};

class FakeTarget : public Target {
public:
  llvm::StringRef getName() const override { return "fake"; }
  llvm::StringRef getDescription() const override {
    return "a test chip: JSON of op names and 4-bit formats";
  }
  llvm::StringRef getChip() const override { return "fakechip"; }
  void buildPipeline(OpPassManager &pm, Stage stage,
                     const TargetOptions &options) const override {
    populateSNNMappingPipeline(pm, stage, options.stepRate);
    if (stage == Stage::targetIR)
      pm.addNestedPass<NetworkOp>(std::make_unique<FakeQuantizePass>());
  }
  LogicalResult emit(ModuleOp module,
                     const TargetOptions &options) const override {
    return emitFolderArtifact(
        module, options.outputPath, "fake",
        [](NetworkOp network, StringRef stem, ArtifactFiles &files) {
          OpNames names(network);
          llvm::json::Array ops;
          for (Operation &op : network.getBodyBlock()) {
            if (names.lookup(&op).empty())
              continue;
            llvm::json::Object entry{{"name", names.lookup(&op).str()},
                                     {"op", op.getName().getStringRef().str()}};
            if (auto format = op.getAttrOfType<fake::FormatAttr>("snn.quant"))
              entry["bits"] = format.getBits();
            ops.push_back(std::move(entry));
          }
          files[(stem + ".fake.json").str()] = printJson(llvm::json::Object{
              {"format", "snnc-fake"}, {"ops", std::move(ops)}});
          return success();
        });
  }
};
} // namespace

int main(int argc, char **argv) {
  registerAllTargets();
  registerChip(fakeChip());
  fake::registerFakePasses();
  TargetRegistry &registry = TargetRegistry::get();
  registry.addDialects(
      [](DialectRegistry &dialects) { dialects.insert<fake::FakeDialect>(); });
  registry.add("fake", [] { return std::make_unique<FakeTarget>(); });
  return runDriver(argc, argv);
}
