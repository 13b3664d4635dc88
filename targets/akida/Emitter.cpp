//===- Emitter.cpp - Akida layer descriptors ------------------------------===//
//
// Prints an akida.model as docs/formats/akida.md lays it out: one
// descriptor per layer with MetaTF's parameter names, every variable as a
// .npy file beside it, the mapping and the ports. Reads the IR only.
//
//===----------------------------------------------------------------------===//

#include "targets/akida/Emitter.h"

#include "snnrt/Npy.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using namespace snnc;
using namespace snnc::akida;
namespace json = llvm::json;

namespace {
json::Array ints(ArrayRef<int64_t> values) {
  json::Array out;
  for (int64_t v : values)
    out.push_back(v);
  return out;
}

json::Value paramValue(Attribute attr) {
  if (auto b = llvm::dyn_cast<BoolAttr>(attr))
    return b.getValue();
  if (auto i = llvm::dyn_cast<IntegerAttr>(attr))
    return i.getInt();
  if (auto s = llvm::dyn_cast<StringAttr>(attr))
    return s.str();
  if (auto a = llvm::dyn_cast<DenseI64ArrayAttr>(attr))
    return ints(a.asArrayRef());
  return nullptr;
}

/// A variable as .npy: integers as int16 (weights) or int32 (threshold),
/// act_step as float32.
std::string encodeVariable(DenseElementsAttr attr) {
  auto type = attr.getType();
  std::vector<int64_t> shape(type.getShape().begin(), type.getShape().end());
  std::vector<double> data;
  if (type.getElementType().isF32()) {
    for (float v : attr.getValues<float>())
      data.push_back(v);
    return snnrt::encodeNpy(shape, data, snnrt::NpyType::f32);
  }
  for (APInt v : attr.getValues<APInt>())
    data.push_back(double(v.getSExtValue()));
  return snnrt::encodeNpy(shape, data,
                          type.getElementType().getIntOrFloatBitWidth() > 16
                              ? snnrt::NpyType::i32
                              : snnrt::NpyType::i16);
}
} // namespace

LogicalResult snnc::akida::buildArtifact(snn::NetworkOp network, ModelOp model,
                                         StringRef stem, ArtifactFiles &files) {
  json::Array layers;
  std::map<std::string, int64_t> npTypes;
  int64_t nps = 0;
  LayerOp lastLayer;
  for (LayerOp layer : model.getBodyBlock().getOps<LayerOp>()) {
    json::Object params;
    for (NamedAttribute p : layer.getParams())
      params[p.getName().str()] = paramValue(p.getValue());
    json::Object variables;
    for (NamedAttribute v : layer.getVariables()) {
      std::string file = (stem + "." + layer.getSymName() + "." +
                          v.getName().strref() + ".npy")
                             .str();
      files[file] = encodeVariable(llvm::cast<DenseElementsAttr>(v.getValue()));
      variables[v.getName().str()] = file;
    }
    json::Object errors;
    // The measured errors live on the connection the layer came from.
    json::Object entry{
        {"name", layer.getSymName().str()},
        {"type", layer.getLayerType().str()},
        {"params", std::move(params)},
        {"variables", std::move(variables)},
        {"input_shape", ints(layer.getInputShape())},
        {"output_shape", ints(layer.getOutputShape())},
        {"source", layer.getSource().str()},
    };
    if (auto quant = layer->getAttrOfType<DictionaryAttr>("errors"))
      for (NamedAttribute e : quant)
        if (auto f = llvm::dyn_cast<FloatAttr>(e.getValue()))
          errors[e.getName().str()] = f.getValueAsDouble();
    if (!errors.empty())
      entry["errors"] = std::move(errors);
    if (std::optional<uint64_t> n = layer.getNps()) {
      entry["nps"] = int64_t(*n);
      std::string kind = layer.getNpType().value_or("").str();
      entry["np_type"] = kind;
      nps += int64_t(*n);
      npTypes[kind] += int64_t(*n);
    }
    layers.push_back(std::move(entry));
    lastLayer = layer;
  }
  if (!lastLayer)
    return model.emitOpError() << "has no layer";
  json::Object types;
  for (auto &[kind, n] : npTypes)
    types[kind] = n;
  json::Object mapping{{"nps", nps}, {"np_types", std::move(types)}};
  if (auto mode = model->getAttrOfType<StringAttr>("map_mode"))
    mapping["map_mode"] = mode.str();
  if (auto devices = model->getAttrOfType<IntegerAttr>("devices"))
    mapping["devices"] = devices.getInt();

  Block &body = network.getBodyBlock();
  ArrayRef<int64_t> inShape =
      snn::getStreamShape(body.getArgument(0).getType());
  Value out = body.getTerminator()->getOperand(0);
  bool potentials =
      !lastLayer.getParams().getAs<BoolAttr>("activation").getValue();
  json::Object doc{
      {"format", "snnc-akida"},
      {"version", 1},
      {"compiler", "snnc 0.1"},
      {"model_name", network.getSymName().str()},
      {"dt_ms", network.getDt() ? network.getDt()->at(0) : 1.0},
      {"akida_version", model.getVersion().str()},
      {"device", model.getDevice().str()},
      {"input", json::Object{{"shape", ints(model.getInputShape())},
                             {"bits", int64_t(model.getInputBits())},
                             {"snn_shape", ints(inShape)}}},
      {"layers", std::move(layers)},
      {"output",
       json::Object{{"shape", ints(lastLayer.getOutputShape())},
                    {"snn_shape", ints(snn::getStreamShape(out.getType()))},
                    {"potentials", potentials}}},
      {"mapping", std::move(mapping)},
  };
  files[(stem + ".json").str()] = printJson(json::Value(std::move(doc)));
  return success();
}
