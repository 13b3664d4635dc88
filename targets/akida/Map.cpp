//===- Map.cpp - neural processors per Akida layer (akida-map) ------------===//
//
// Writes on every akida.layer the NPs it takes under MetaTF's map mode, by
// the NP model of Layers.h (stated and checked against MetaTF in
// docs/targets/akida.md), and the model's total against the device.
//
//===----------------------------------------------------------------------===//

#include "targets/akida/Passes.h"

#include "targets/akida/NpModel.h"

#include "passes/SynapseCost.h"
#include "targets/ChipDescription.h"

#include "mlir/IR/Builders.h"

#define DEBUG_TYPE "akida-map"

namespace snnc::akida {
#define GEN_PASS_DEF_AKIDAMAP
#include "targets/akida/Passes.h.inc"
} // namespace snnc::akida

using namespace mlir;
using namespace snnc;
using namespace snnc::akida;

namespace {
struct AkidaMapPass : public snnc::akida::impl::AkidaMapBase<AkidaMapPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<MapMode> mode = parseMapMode(mapMode);
    if (!mode) {
      module.emitError() << "akida-map: unknown map mode '" << mapMode
                         << "' (minimal or all-nps)";
      return signalPassFailure();
    }
    Builder b(&getContext());
    for (ModelOp model : module.getOps<ModelOp>()) {
      SmallVector<LayerOp> layers(model.getBodyBlock().getOps<LayerOp>());
      std::vector<LayerDesc> descs;
      for (LayerOp layer : layers) {
        FailureOr<LayerDesc> desc = describeLayer(layer);
        if (failed(desc))
          return signalPassFailure();
        descs.push_back(*desc);
      }
      std::vector<NpCount> counts = countNps(descs, *mode);
      int64_t total = 0;
      for (auto [layer, count] : llvm::zip_equal(layers, counts)) {
        if (count.software) {
          layer.emitOpError()
              << "fits no arrangement of the AKD1000's neural processors "
                 "(MetaTF would run it in software)";
          return signalPassFailure();
        }
        layer.setNpsAttr(b.getI64IntegerAttr(count.nps));
        layer.setNpTypeAttr(b.getStringAttr(count.type));
        if (count.externalBytes > 0)
          layer->setAttr("external_memory",
                         b.getI64IntegerAttr(count.externalBytes));
        total += count.nps;
      }
      numNPs += total;
      model->setAttr("map_mode", b.getStringAttr(mapModeName(*mode)));
      int64_t devices =
          std::max<int64_t>(1, (total + kMappableNps - 1) / kMappableNps);
      model->setAttr("devices", b.getI64IntegerAttr(devices));
      if (total > kMappableNps)
        model.emitWarning() << "needs " << total << " NPs; an AKD1000 maps "
                            << kMappableNps << ": " << devices << " devices";
    }
  }
};
} // namespace
