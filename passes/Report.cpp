//===- Report.cpp - the resource report of a mapped network ---------------===//

#include "passes/Report.h"

#include "dialects/SNN/SNNOps.h"
#include "targets/ChipDescription.h"

#include "llvm/Support/Format.h"

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {
int64_t intOf(DictionaryAttr d, StringRef key) {
  auto a = d ? d.getAs<IntegerAttr>(key) : IntegerAttr();
  return a ? a.getInt() : -1;
}
double floatOf(DictionaryAttr d, StringRef key) {
  auto a = d ? d.getAs<FloatAttr>(key) : FloatAttr();
  return a ? a.getValueAsDouble() : -1;
}
StringRef stringOf(DictionaryAttr d, StringRef key) {
  auto a = d ? d.getAs<StringAttr>(key) : StringAttr();
  return a ? a.getValue() : StringRef();
}
} // namespace

void snnc::printReport(ModuleOp module, llvm::raw_ostream &os) {
  for (NetworkOp network : module.getOps<NetworkOp>()) {
    auto res = network->getAttrOfType<DictionaryAttr>("snn.resources");
    auto part = network->getAttrOfType<DictionaryAttr>("snn.partition");
    auto place = network->getAttrOfType<DictionaryAttr>("snn.placement");
    auto shared = network->getAttrOfType<DictionaryAttr>("snn.shared");
    if (!res) {
      os << "network '" << network.getSymName()
         << "': no resource analysis (give --chip)\n";
      continue;
    }
    const ChipDescription *chip = lookupChip(stringOf(res, "chip"));
    os << "resource report: network '" << network.getSymName() << "' on "
       << stringOf(res, "chip");
    if (chip)
      os << " (" << chip->summary << ")";
    os << "\n";
    auto row = [&](StringRef name) -> llvm::raw_ostream & {
      return os << llvm::format("  %-20s ", name.str().c_str());
    };
    row("neurons") << intOf(res, "neurons") << "\n";
    row("synapses") << intOf(res, "synapses") << " (procedural "
                    << intOf(res, "synapses_procedural") << ", weights stored "
                    << intOf(res, "weights_stored") << ")\n";
    row("synapse memory") << intOf(res, "synapse_bits") << " bits\n";
    row("largest fan-in") << intOf(res, "max_fan_in") << " inputs\n";
    if (shared)
      row("shared tensors") << intOf(shared, "tensors") << " ("
                            << intOf(shared, "bytes_saved")
                            << " bytes not stored twice)\n";
    if (part) {
      row("cores") << intOf(part, "cores") << " used, lower bound "
                   << intOf(part, "lower_bound") << " ("
                   << stringOf(part, "binding_limit") << "); filled in order "
                   << intOf(part, "naive_cores") << "\n";
      row("synapses cut") << intOf(part, "cut_synapses")
                          << " between cores; filled in order "
                          << intOf(part, "naive_cut_synapses") << "\n";
    } else {
      row("cores (lower bound)") << intOf(res, "cores_lower_bound") << " ("
                                 << stringOf(res, "binding_limit") << ")\n";
    }
    row("chips") << (place ? intOf(place, "chips") : intOf(res, "chips"))
                 << "\n";
    if (place && intOf(place, "hop_synapses") >= 0)
      row("hop-weighted") << intOf(place, "hop_synapses")
                          << " synapse-hops; cores in order "
                          << intOf(place, "naive_hop_synapses") << "\n";
    double energy = floatOf(res, "energy_per_step_j");
    if (energy >= 0 && chip) {
      row("energy per step") << llvm::format("%.3g J", energy);
      if (intOf(res, "activity_steps") > 0)
        os << llvm::format(" (estimated from emulator activity: %g Hz mean "
                           "rate over %lld steps)\n",
                           floatOf(res, "rate_hz"),
                           (long long)intOf(res, "activity_steps"));
      else
        os << llvm::format(" (estimated at %g Hz mean rate)\n",
                           floatOf(res, "rate_hz"));
      row("power") << llvm::format("%.3g W", floatOf(res, "power_w"))
                   << " (at one step per dt, static included)\n";
      os << "  figures:\n";
      for (const SourcedFigure &f : chip->energy)
        os << llvm::format("    %-24s %10.3g %-2s  ", f.name.str().c_str(),
                           f.value, f.unit.str().c_str())
           << f.source << "\n";
      os << llvm::format("    %-24s %10.3g %-2s  ", (const char *)"static_power",
                         chip->staticPower.value,
                         chip->staticPower.unit.str().c_str())
         << chip->staticPower.source << "\n";
    } else {
      row("energy") << "not estimated: the chip description has no "
                       "per-operation figures\n";
    }
  }
}

llvm::json::Value snnc::reportJson(ModuleOp module) {
  llvm::json::Array networks;
  auto toJson = [](DictionaryAttr d) -> llvm::json::Value {
    if (!d)
      return nullptr;
    llvm::json::Object o;
    for (NamedAttribute a : d) {
      if (auto i = llvm::dyn_cast<IntegerAttr>(a.getValue()))
        o[a.getName().str()] = i.getInt();
      else if (auto f = llvm::dyn_cast<FloatAttr>(a.getValue()))
        o[a.getName().str()] = f.getValueAsDouble();
      else if (auto s = llvm::dyn_cast<StringAttr>(a.getValue()))
        o[a.getName().str()] = s.getValue().str();
      else if (auto arr = llvm::dyn_cast<DenseI64ArrayAttr>(a.getValue()))
        o[a.getName().str()] = llvm::json::Array(arr.asArrayRef());
    }
    return o;
  };
  for (NetworkOp network : module.getOps<NetworkOp>()) {
    auto res = network->getAttrOfType<DictionaryAttr>("snn.resources");
    llvm::json::Object n{
        {"network", network.getSymName().str()},
        {"resources", toJson(res)},
        {"partition", toJson(network->getAttrOfType<DictionaryAttr>("snn.partition"))},
        {"placement", toJson(network->getAttrOfType<DictionaryAttr>("snn.placement"))},
        {"shared", toJson(network->getAttrOfType<DictionaryAttr>("snn.shared"))},
    };
    if (res)
      if (const ChipDescription *chip = lookupChip(
              res.getAs<StringAttr>("chip").getValue())) {
        llvm::json::Array figures;
        for (const SourcedFigure &f : chip->energy)
          figures.push_back(llvm::json::Object{{"name", f.name.str()},
                                               {"value", f.value},
                                               {"unit", f.unit.str()},
                                               {"source", f.source.str()}});
        figures.push_back(llvm::json::Object{
            {"name", "static_power"},
            {"value", chip->staticPower.value},
            {"unit", chip->staticPower.unit.str()},
            {"source", chip->staticPower.source.str()}});
        n["energy_figures"] = std::move(figures);
      }
    networks.push_back(std::move(n));
  }
  return llvm::json::Object{{"format", "snnc-report-1"},
                            {"networks", std::move(networks)}};
}
