//===- Emitter.cpp - TN model JSON for TrueNorth --------------------------===//
//
// Prints a tn.program as the Corelet Programming Environment lays out its TN
// model files (docs/formats/truenorth.md): a crossbar type per core, the
// neuron types as N%08X, the cores' neuron arrays with range shorthands, and
// snnc's ports and corelet hierarchy beside them. Reads the IR only.
//
//===----------------------------------------------------------------------===//

#include "targets/truenorth/Emitter.h"

#include "snnrt/TrueNorth.h"

#include "llvm/Support/Format.h"

using namespace mlir;
using namespace snnc;
namespace json = llvm::json;
namespace tnrt = snnrt::truenorth;

json::Array snnc::truenorth::compressIntegers(ArrayRef<int64_t> values) {
  json::Array out;
  for (size_t i = 0; i < values.size();) {
    size_t same = 1, step = 1;
    while (i + same < values.size() && values[i + same] == values[i])
      ++same;
    while (i + step < values.size() &&
           values[i + step] == values[i] + int64_t(step))
      ++step;
    if (same >= 3) {
      out.push_back(std::to_string(values[i]) + "x" + std::to_string(same));
      i += same;
    } else if (step >= 3) {
      out.push_back(std::to_string(values[i]) + ":" +
                    std::to_string(values[i + step - 1]));
      i += step;
    } else {
      out.push_back(values[i]);
      ++i;
    }
  }
  return out;
}

namespace {
std::string typeName(size_t id) {
  std::string name;
  llvm::raw_string_ostream os(name);
  os << "N" << llvm::format_hex_no_prefix(id, 8, /*Upper=*/true);
  return name;
}

json::Object neuronType(tn::NeuronAttr t, size_t id) {
  auto sign = [](int64_t v) { return v < 0 ? int64_t(-1) : int64_t(1); };
  auto magnitude = [](int64_t v) { return v < 0 ? -v : v; };
  json::Object o{{"name", typeName(id)}, {"class", "NeuronGeneral"}};
  for (auto [k, w] : llvm::enumerate(t.getWeights().asArrayRef())) {
    std::string n = std::to_string(k);
    o["sigma" + n] = sign(w);
    o["s" + n] = magnitude(w);
    o["b" + n] = false;
  }
  o["sigma_lambda"] = sign(t.getLeak());
  o["lambda"] = magnitude(t.getLeak());
  o["c_lambda"] = false;
  o["epsilon"] = t.getLeakReversal();
  o["alpha"] = t.getThreshold();
  o["beta"] = t.getNegativeThreshold();
  o["TM"] = t.getMaskBits();
  o["gamma"] = t.getResetMode();
  o["kappa"] = t.getNegativeMode() != 0;
  // R = sigma_VR (2^VR - 1): the verifier checked |R| + 1 is a power of 2.
  int64_t r = magnitude(t.getReset());
  o["sigma_VR"] = sign(t.getReset());
  o["VR"] = int64_t(llvm::Log2_64(uint64_t(r + 1)));
  o["V"] = t.getInitial();
  return o;
}
} // namespace

LogicalResult snnc::truenorth::buildArtifact(snn::NetworkOp network,
                                             tn::ProgramOp program,
                                             StringRef stem,
                                             ArtifactFiles &files) {
  json::Array crossbars, cores, corelets;
  const std::string zeros(64, '0');
  int64_t count = 0;
  for (tn::CoreOp core : program.getBodyBlock().getOps<tn::CoreOp>()) {
    int64_t id = core.getId();
    ++count;
    std::string name = "xb" + std::to_string(id);
    json::Array rows;
    ArrayRef<int64_t> types = core.getAxonTypes();
    for (int64_t a = 0; a < tnrt::kAxonsPerCore; ++a) {
      bool used = a < int64_t(types.size());
      rows.push_back(json::Object{
          {"type", "S" + std::to_string(used ? types[size_t(a)] : 0)},
          {"synapses",
           used ? llvm::cast<StringAttr>(core.getCrossbar()[size_t(a)])
                      .getValue()
                      .str()
                : zeros}});
    }
    crossbars.push_back(json::Object{
        {"name", name}, {"crossbar", json::Object{{"rows", std::move(rows)}}}});
    // 256 neurons: the used ones first, then -1 (unused).
    size_t n = core.getTypes().size();
    auto padded = [&](ArrayRef<int64_t> values, int64_t fill) {
      std::vector<int64_t> out(values.begin(), values.end());
      out.resize(tnrt::kNeuronsPerCore, fill);
      return out;
    };
    std::vector<int64_t> destCores = padded(core.getDestCores(), -1);
    std::vector<int64_t> destAxons = padded(core.getDestAxons(), 0);
    for (size_t j = 0; j < n; ++j)
      if (destCores[j] < 0)
        destAxons[j] = 0;
    cores.push_back(json::Object{
        {"id", id},
        {"timeScaleExponent", 0},
        {"rngSeed", id + 1},
        {"crossbar", json::Object{{"name", name}}},
        {"neurons",
         json::Object{
             {"dendrites", json::Array{"0:255"}},
             {"types", compressIntegers(padded(core.getTypes(), -1))},
             {"destCores", compressIntegers(destCores)},
             {"destAxons", compressIntegers(destAxons)},
             {"destDelays", compressIntegers(padded(core.getDestDelays(), 1))},
         }}});
    ArrayRef<int64_t> neurons = core.getNeurons();
    json::Array range;
    if (!neurons.empty())
      range =
          json::Array{*llvm::min_element(neurons), *llvm::max_element(neurons)};
    corelets.push_back(json::Object{{"core", id},
                                    {"op", core.getSource().str()},
                                    {"neurons", std::move(range)}});
  }
  json::Array neuronTypes;
  for (auto [id, attr] : llvm::enumerate(program.getNeuronTypes()))
    neuronTypes.push_back(neuronType(llvm::cast<tn::NeuronAttr>(attr), id));
  auto pairs = [](Attribute list) {
    json::Array out;
    for (Attribute p : llvm::cast<ArrayAttr>(list)) {
      auto pair = llvm::cast<DenseI64ArrayAttr>(p);
      out.push_back(json::Array{pair[0], pair[1]});
    }
    return out;
  };
  json::Array inputs, outputs;
  for (auto [k, input] : llvm::enumerate(program.getInputs())) {
    json::Array targets;
    for (Attribute element : llvm::cast<ArrayAttr>(input))
      targets.push_back(pairs(element));
    inputs.push_back(json::Object{
        {"index", int64_t(k)},
        {"shape", json::Array(snn::getStreamShape(
                      network.getBodyBlock().getArgument(k).getType()))},
        {"targets", std::move(targets)}});
  }
  for (auto [k, output] : llvm::enumerate(program.getOutputs())) {
    json::Array neurons;
    for (Attribute element : llvm::cast<ArrayAttr>(output)) {
      auto pair = llvm::cast<DenseI64ArrayAttr>(element);
      neurons.push_back(json::Array{pair[0], pair[1]});
    }
    outputs.push_back(json::Object{
        {"index", int64_t(k)},
        {"shape",
         json::Array(snn::getStreamShape(
             network.getBodyBlock().getTerminator()->getOperand(k).getType()))},
        {"neurons", std::move(neurons)}});
  }
  json::Object doc{
      {"format", tnrt::kArtifactFormat},
      {"version", int64_t(tnrt::kArtifactVersion)},
      {"compiler", "snnc " SNNC_VERSION},
      {"model_name", network.getSymName().str()},
      {"dt_ms", program.getDtMs().convertToDouble()},
      {"model", json::Object{{"coreCount", count},
                             {"neuronclass", "NeuronGeneral"},
                             {"crossbarSize", tnrt::kAxonsPerCore},
                             {"crossbarclass", "CrossbarBinary"}}},
      {"crossbarTypes", std::move(crossbars)},
      {"neuronTypes", std::move(neuronTypes)},
      {"core", std::move(cores)},
      {"inputs", std::move(inputs)},
      {"outputs", std::move(outputs)},
      {"corelets", std::move(corelets)},
  };
  files[(stem + ".json").str()] = printJson(json::Value(std::move(doc)));
  return success();
}
