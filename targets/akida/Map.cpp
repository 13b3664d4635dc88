//===- Map.cpp - neural processors per Akida layer (akida-map) ------------===//
//
// Writes on every akida.layer the NPs it takes under MetaTF's map mode, by
// the NP model of NpModel.h (stated and checked against MetaTF in
// docs/targets/akida.md), and the model's total against the device.
//
//===----------------------------------------------------------------------===//

#include "targets/akida/Passes.h"

#include "targets/akida/NpModel.h"

#include "passes/SynapseCost.h"
#include "targets/ChipDescription.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

#include <map>

#define DEBUG_TYPE "akida-map"

namespace snnc::akida {
#define GEN_PASS_DEF_AKIDAMAP
#include "targets/akida/Passes.h.inc"
} // namespace snnc::akida

using namespace mlir;
using namespace snnc;
using namespace snnc::akida;

namespace {
std::string shapeList(llvm::ArrayRef<int64_t> values, const char *open,
                      const char *close) {
  std::string text = open;
  for (auto [i, v] : llvm::enumerate(values))
    text += (i ? ", " : "") + std::to_string(v);
  return text + close;
}

/// MetaTF's summary() of the mapped model (Layer (type) | Output shape |
/// Kernel shape | NPs) as the resource report's rows for the network, on
/// snn.layout.
void writeSummary(ModelOp model, ArrayRef<LayerOp> layers,
                  const std::vector<LayerDesc> &descs,
                  const std::vector<NpCount> &counts, int64_t total,
                  int64_t devices, MapMode mode) {
  std::optional<StringRef> name = model.getNetwork();
  if (!name)
    return;
  auto network = llvm::dyn_cast_or_null<snn::NetworkOp>(
      SymbolTable::lookupNearestSymbolFrom(
          model, StringAttr::get(model.getContext(), *name)));
  if (!network)
    return;
  std::map<std::string, int64_t> kinds;
  for (const NpCount &c : counts)
    if (c.nps > 0)
      kinds[c.type] += c.nps;
  std::string head = std::to_string(total) + " NPs of an AKD1000's " +
                     std::to_string(kMappableNps) + " (" + mapModeName(mode) +
                     ")";
  size_t k = 0;
  for (const auto &[kind, n] : kinds)
    head += (k++ ? ", " : ": ") + std::to_string(n) + " " + kind;
  head += "; " + std::to_string(devices) + " device" + (devices > 1 ? "s" : "");
  // What the layers' weights take of the NPs that hold them: the weights
  // packed at their bits, against an NP's weight memory.
  int64_t weightBits = 0, npsHolding = 0;
  for (auto [constLayer, count] : llvm::zip_equal(layers, counts)) {
    if (count.nps == 0 || count.externalBytes > 0)
      continue;
    LayerOp layer = constLayer;
    int64_t bits = layer.getParams().getAs<IntegerAttr>("weights_bits").getInt();
    for (NamedAttribute v : layer.getVariables())
      if (v.getName().strref().starts_with("weights"))
        weightBits += bits * llvm::cast<DenseElementsAttr>(v.getValue())
                                 .getNumElements();
    npsHolding += count.nps;
  }
  std::string memory;
  if (npsHolding > 0) {
    int64_t perNp = (weightBits / 8 + npsHolding - 1) / npsHolding;
    memory = "weights " + std::to_string(weightBits / 8) + " B in " +
             std::to_string(npsHolding) + " NPs: " + std::to_string(perNp) +
             " B per NP, " +
             std::to_string((100 * perNp + kNpWeightBytes - 1) /
                            kNpWeightBytes) +
             "% of an NP's " + std::to_string(kNpWeightBytes) +
             " B (packed; MetaTF allocates in larger units); at least " +
             std::to_string((total + kNpsPerNode - 1) / kNpsPerNode) +
             " nodes of " + std::to_string(kNpsPerNode) + " NPs";
  }
  SmallVector<std::array<std::string, 4>> rows = {
      {"Layer (type)", "Output shape", "Kernel shape", "NPs"}};
  for (auto [constLayer, desc, count] :
       llvm::zip_equal(layers, descs, counts)) {
    LayerOp layer = constLayer;
    std::vector<int64_t> kernel;
    if (desc.type == LayerType::FullyConnected)
      kernel = {1, 1, desc.input[0] * desc.input[1] * desc.input[2],
                desc.filters};
    else if (desc.type == LayerType::SeparableConvolutional)
      kernel = {desc.kernelX, desc.kernelY, desc.input[2], 1};
    else
      kernel = {desc.kernelX, desc.kernelY, desc.input[2], desc.filters};
    std::string nps = count.nps > 0
                          ? std::to_string(count.nps) + " " + count.type
                          : count.type;
    if (count.externalBytes > 0)
      nps += " (" + std::to_string(count.externalBytes) + " B external)";
    rows.push_back(
        {(layer.getSymName() + " (" + layer.getLayerType() + ")").str(),
         shapeList(layer.getOutputShape(), "[", "]"),
         shapeList(kernel, "(", ")"), nps});
    if (desc.type == LayerType::SeparableConvolutional)
      rows.push_back(
          {"", "", shapeList({1, 1, desc.input[2], desc.filters}, "(", ")"),
           ""});
  }
  size_t widths[4] = {0, 0, 0, 0};
  for (const auto &r : rows)
    for (size_t c = 0; c < 4; ++c)
      widths[c] = std::max(widths[c], r[c].size());
  Builder b(model.getContext());
  SmallVector<Attribute> lines = {b.getStringAttr(head)};
  if (!memory.empty())
    lines.push_back(b.getStringAttr(memory));
  for (const auto &r : rows) {
    std::string line;
    for (size_t c = 0; c < 4; ++c)
      line += c + 1 < 4 ? r[c] + std::string(widths[c] - r[c].size() + 2, ' ')
                        : r[c];
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    lines.push_back(b.getStringAttr(line));
  }
  network->setAttr(
      "snn.layout",
      b.getDictionaryAttr(
          {b.getNamedAttr("nps", b.getI64IntegerAttr(total)),
           b.getNamedAttr("devices", b.getI64IntegerAttr(devices)),
           b.getNamedAttr("map_mode", b.getStringAttr(mapModeName(mode))),
           b.getNamedAttr("lines", b.getArrayAttr(lines))}));
}

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
              << "does not map onto the AKD1000's neural processors "
                 "(MetaTF would run it in software): "
              << count.reason;
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
      writeSummary(model, layers, descs, counts, total, devices, *mode);
      if (total > kMappableNps)
        model.emitWarning() << "needs " << total << " NPs; an AKD1000 maps "
                            << kMappableNps << ": " << devices << " devices";
    }
  }
};
} // namespace
