//===- Report.cpp - the resource report of a mapped network ---------------===//

#include "passes/Report.h"

#include "dialects/SNN/SNNOps.h"
#include "passes/Mapping.h"
#include "passes/SynapseCost.h"
#include "targets/ChipDescription.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

#include <cmath>
#include <map>

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

/// The chip the network was analysed for: its module's target's.
const ChipDescription *chipOf(NetworkOp network) {
  TargetAttr target = TargetAttr::lookup(network);
  return target ? lookupChip(target.getChipName()) : nullptr;
}

/// The largest of each quantization error over the network's ops, with
/// the op it occurs on.
struct WorstError {
  double value = -1;
  Operation *op = nullptr;
};
std::map<std::string, WorstError> worstErrors(NetworkOp network) {
  std::map<std::string, WorstError> worst;
  for (Operation &op : network.getBodyBlock())
    if (auto errors = op.getAttrOfType<DictionaryAttr>("snn.quant_error"))
      for (NamedAttribute e : errors)
        if (auto f = llvm::dyn_cast<FloatAttr>(e.getValue())) {
          WorstError &w = worst[e.getName().str()];
          // A NaN error is the worst of all: it is kept, with its op.
          double v = f.getValueAsDouble();
          if (v > w.value || (std::isnan(v) && !std::isnan(w.value)) ||
              !w.op)
            w = {v, &op};
        }
  return worst;
}

/// How the picture names a population: its name location (an imported NIR
/// node), else its kind and source line.
std::string populationLabel(Operation *op) {
  if (auto loc = llvm::dyn_cast<NameLoc>(op->getLoc()))
    return loc.getName().str();
  std::string label = op->getName().stripDialect().str();
  if (auto loc = llvm::dyn_cast<FileLineColLoc>(op->getLoc()))
    label += " (line " + std::to_string(loc.getLine()) + ")";
  return label;
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
    const ChipDescription *chip = chipOf(network);
    os << "resource report: network '" << network.getSymName() << "' on "
       << (chip ? chip->name : "an unknown chip");
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
    if (intOf(res, "synapses_plastic") > 0)
      row("plastic synapses")
          << intOf(res, "synapses_plastic")
          << llvm::format(" (%.3g learning updates per step: each at its "
                          "pre- and postsynaptic spikes, mean rate)\n",
                          floatOf(res, "learning_updates_per_step"));
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
      mapping::Problem problem;
      mapping::Partition partition;
      if (chip && succeeded(readRecordedPartition(network, *chip, problem,
                                                  partition))) {
        std::vector<mapping::CoreLoad> loads =
            mapping::coreLoads(problem, partition);
        row("per-core load") << "largest and mean share of a core's "
                                "capacity:\n";
        auto share = [&](const char *what, double capacity, auto field,
                         const char *unit) {
          double most = 0, total = 0;
          for (const mapping::CoreLoad &l : loads) {
            most = std::max(most, field(l));
            total += field(l);
          }
          os << llvm::format("    %-24s %5.1f%% %5.1f%%   of %lld %s\n", what,
                             100.0 * most / capacity,
                             100.0 * total / double(loads.size()) / capacity,
                             (long long)capacity, unit);
        };
        share("neurons", double(chip->neuronsPerCore),
              [](const mapping::CoreLoad &l) { return l.neurons; }, "neurons");
        if (chip->synapseMemoryBitsPerCore > 0)
          share("synapse memory", double(chip->synapseMemoryBitsPerCore),
                [](const mapping::CoreLoad &l) { return l.bits; }, "bits");
        share("fan-in", double(chip->fanInPerCore),
              [](const mapping::CoreLoad &l) { return l.fanIn; }, "axons");
      }
      row("synapses cut") << intOf(part, "cut_synapses")
                          << " between cores; filled in order "
                          << intOf(part, "naive_cut_synapses") << "\n";
    } else {
      row("cores (lower bound)") << intOf(res, "cores_lower_bound") << " ("
                                 << stringOf(res, "binding_limit") << ")\n";
    }
    row("chips") << (place ? intOf(place, "chips") : intOf(res, "chips"))
                 << "\n";
    // A target that lays cores out itself (snn.layout, written by its
    // lowering) says what that took beside the middle end's estimate.
    auto layout = network->getAttrOfType<DictionaryAttr>("snn.layout");
    if (auto lines = layout ? layout.getAs<ArrayAttr>("lines") : ArrayAttr()) {
      // The target's own account, line by line (Akida: MetaTF's summary).
      for (auto [i, line] : llvm::enumerate(lines.getAsValueRange<StringAttr>()))
        (i == 0 ? row("target layout") : os << "    ") << line << "\n";
    } else if (layout) {
      row("target layout") << intOf(layout, "cores") << " cores, lower bound "
                           << intOf(layout, "lower_bound") << "; "
                           << intOf(layout, "duplicate_neurons")
                           << " neuron copies for fan-out";
      if (intOf(layout, "partial_sum_neurons") > 0)
        os << ", " << intOf(layout, "partial_sum_neurons")
           << " partial-sum neurons for fan-in";
      os << "\n";
    }
    if (place)
      row("hop-weighted") << intOf(place, "hop_synapses")
                          << " synapse-hops; cores in order "
                          << intOf(place, "naive_hop_synapses") << "\n";
    auto worst = worstErrors(network);
    if (!worst.empty()) {
      row("quantization") << "largest relative error against the float "
                             "model:\n";
      for (const auto &[name, w] : worst)
        os << llvm::format("    %-24s %10.3g   ", name.c_str(), w.value)
           << populationLabel(w.op) << "\n";
    }
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
                   << llvm::format(" (at %g steps/s, static included)\n",
                                   floatOf(res, "steps_per_second"));
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
      if (auto arr = llvm::dyn_cast<ArrayAttr>(a.getValue())) {
        llvm::json::Array items;
        for (Attribute item : arr)
          if (auto str = llvm::dyn_cast<StringAttr>(item))
            items.push_back(str.getValue().str());
        o[a.getName().str()] = std::move(items);
        continue;
      }
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
    if (auto layout = network->getAttrOfType<DictionaryAttr>("snn.layout"))
      n["layout"] = toJson(layout);
    const ChipDescription *chip = res ? chipOf(network) : nullptr;
    // The chip is the module's target's; the report names it beside the
    // figures it was analysed and partitioned with.
    if (chip)
      for (const char *key : {"resources", "partition"})
        if (llvm::json::Object *o = n[key].getAsObject())
          o->try_emplace("chip", chip->name.str());
    mapping::Problem problem;
    mapping::Partition partition;
    if (chip && succeeded(readRecordedPartition(network, *chip, problem,
                                                partition))) {
      llvm::json::Array perCore;
      for (const mapping::CoreLoad &load :
           mapping::coreLoads(problem, partition))
        perCore.push_back(int64_t(std::llround(load.neurons)));
      n["neurons_per_core"] = std::move(perCore);
    }
    auto worst = worstErrors(network);
    if (!worst.empty()) {
      llvm::json::Object q;
      for (const auto &[name, w] : worst)
        q[name] = llvm::json::Object{{"value", w.value},
                                     {"op", populationLabel(w.op)}};
      n["quantization_error"] = std::move(q);
    }
    if (chip) {
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



LogicalResult snnc::writePlacementSvg(ModuleOp module, llvm::raw_ostream &os) {
  // A colour-blind-safe palette (Okabe-Ito), then grey for the rest.
  static const char *const palette[] = {"#E69F00", "#56B4E9", "#009E73",
                                        "#F0E442", "#0072B2", "#D55E00",
                                        "#CC79A7", "#000000"};
  auto colourOf = [](int64_t population) -> const char * {
    if (population < 0)
      return "#ffffff";
    return population < int64_t(std::size(palette)) ? palette[population]
                                                    : "#888888";
  };
  constexpr int64_t kMaxChipsDrawn = 16;
  struct Panel {
    std::string title;
    int64_t width, height, cell;
    // Per core: chip, x, y, colour index, neurons on it.
    SmallVector<std::array<int64_t, 5>> cores;
    SmallVector<std::string> legend;
    int64_t chips, capacity;
    // The heaviest core-to-core traffic: (synapses, core a, core b).
    std::vector<std::tuple<double, int64_t, int64_t>> links;
  };
  // Lines for at most this many core pairs, and only below this many cores
  // (core-to-core traffic grows with their square).
  constexpr size_t kMaxLinks = 200;
  constexpr int64_t kMaxCoresForLinks = 4096;
  SmallVector<Panel> panels;
  for (NetworkOp network : module.getOps<NetworkOp>()) {
    auto res = network->getAttrOfType<DictionaryAttr>("snn.resources");
    auto place = network->getAttrOfType<DictionaryAttr>("snn.placement");
    const ChipDescription *chip = res ? chipOf(network) : nullptr;
    auto positions =
        place ? place.getAs<DenseI64ArrayAttr>("positions") : nullptr;
    if (!chip || !positions) {
      network.emitError() << "has no placement to draw (give --chip and "
                             "compile to stage mapped)";
      return failure();
    }
    Panel panel;
    panel.width = chip->meshWidth;
    panel.height = chip->meshHeight;
    panel.cell = std::max<int64_t>(
        6, std::min<int64_t>(32, 640 / std::max(panel.width, panel.height)));
    panel.chips = intOf(place, "chips");
    panel.title = (network.getSymName() + " on " + chip->name).str();
    // Each core takes the colour of the population with the most neurons
    // on it (the first such population on a tie).
    size_t numCores = positions.size() / 3;
    SmallVector<std::pair<int64_t, int64_t>> best(numCores, {-1, 0});
    SmallVector<int64_t> total(numCores, 0); // neurons on each core
    int64_t population = 0;
    network.walk([&](Operation *op) {
      auto cores = op->getAttrOfType<DenseI64ArrayAttr>("snn.cores");
      auto chunk = op->getAttrOfType<IntegerAttr>("snn.chunk");
      auto neuron = llvm::dyn_cast<NeuronOpInterface>(op);
      if (!cores || !chunk || !neuron)
        return;
      int64_t size = neuron.getNumNeurons(), step = chunk.getInt();
      SmallVector<int64_t> onCore(numCores, 0);
      for (auto [k, core] : llvm::enumerate(cores.asArrayRef()))
        if (core >= 0 && size_t(core) < numCores)
          onCore[core] += std::min(step, size - int64_t(k) * step);
      for (size_t c = 0; c < numCores; ++c) {
        total[c] += onCore[c];
        if (onCore[c] > best[c].second)
          best[c] = {population, onCore[c]};
      }
      panel.legend.push_back(populationLabel(op));
      ++population;
    });
    ArrayRef<int64_t> p = positions.asArrayRef();
    for (size_t c = 0; c < numCores; ++c)
      panel.cores.push_back({p[3 * c], p[3 * c + 1], p[3 * c + 2],
                             best[c].first, total[c]});
    panel.capacity = chip->neuronsPerCore;
    if (int64_t(numCores) <= kMaxCoresForLinks) {
      mapping::Problem problem;
      mapping::Partition part;
      bool complete =
          succeeded(readRecordedPartition(network, *chip, problem, part)) &&
          part.numCores == int64_t(numCores);
      if (complete) {
        auto traffic = mapping::coreTraffic(problem, part);
        for (size_t a = 0; a < traffic.size(); ++a)
          for (auto [b, w] : traffic[a])
            panel.links.push_back({w, int64_t(a), b});
        // Heaviest first; ties in core order, so the picture is stable.
        llvm::sort(panel.links, [](const auto &x, const auto &y) {
          if (std::get<0>(x) != std::get<0>(y))
            return std::get<0>(x) > std::get<0>(y);
          return std::make_pair(std::get<1>(x), std::get<2>(x)) <
                 std::make_pair(std::get<1>(y), std::get<2>(y));
        });
        if (panel.links.size() > kMaxLinks)
          panel.links.resize(kMaxLinks);
      }
    }
    panels.push_back(std::move(panel));
  }

  // Layout: per network, its chips side by side (at most kMaxChipsDrawn),
  // a legend below.
  constexpr int64_t kMargin = 20, kTitle = 24, kLegendRow = 18;
  int64_t totalWidth = 0, totalHeight = kMargin;
  for (const Panel &panel : panels) {
    int64_t drawn = std::min(panel.chips, kMaxChipsDrawn);
    int64_t chipWidth = panel.width * panel.cell;
    totalWidth = std::max(totalWidth,
                          kMargin + drawn * (chipWidth + kMargin));
    totalHeight += kTitle + panel.height * panel.cell + kMargin +
                   int64_t(panel.legend.size() + 1) * kLegendRow + kMargin;
  }
  totalWidth = std::max<int64_t>(totalWidth, 400);
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << totalWidth
     << "\" height=\"" << totalHeight << "\" font-family=\"sans-serif\" "
     << "font-size=\"12\">\n";
  int64_t top = kMargin;
  for (const Panel &panel : panels) {
    int64_t drawn = std::min(panel.chips, kMaxChipsDrawn);
    int64_t chipWidth = panel.width * panel.cell;
    int64_t chipHeight = panel.height * panel.cell;
    os << "<text x=\"" << kMargin << "\" y=\"" << top + 14
       << "\" font-weight=\"bold\">";
    llvm::printHTMLEscaped(panel.title, os);
    os << ": " << panel.cores.size() << " cores on " << panel.chips << " chip"
       << (panel.chips == 1 ? "" : "s");
    if (drawn < panel.chips)
      os << " (the first " << drawn << " drawn)";
    os << "</text>\n";
    int64_t meshTop = top + kTitle;
    for (int64_t k = 0; k < drawn; ++k) {
      int64_t left = kMargin + k * (chipWidth + kMargin);
      os << "<rect x=\"" << left << "\" y=\"" << meshTop << "\" width=\""
         << chipWidth << "\" height=\"" << chipHeight
         << "\" fill=\"#f4f4f4\" stroke=\"#999\"/>\n";
    }
    for (auto [core, pos] : llvm::enumerate(panel.cores)) {
      auto [chipIndex, x, y, colour, neurons] = pos;
      if (chipIndex >= drawn)
        continue;
      int64_t left = kMargin + chipIndex * (chipWidth + kMargin);
      // Opacity shows the occupancy: the neurons on the core against its
      // capacity.
      double occupancy =
          std::min(1.0, double(neurons) / double(std::max<int64_t>(
                                              1, panel.capacity)));
      os << "<rect x=\"" << left + x * panel.cell + 1 << "\" y=\""
         << meshTop + y * panel.cell + 1 << "\" width=\"" << panel.cell - 2
         << "\" height=\"" << panel.cell - 2 << "\" fill=\"" << colourOf(colour)
         << "\" fill-opacity=\"" << llvm::format("%.2f", 0.2 + 0.8 * occupancy)
         << "\"><title>core " << core << " at (" << x << ", " << y << "): "
         << neurons << " neurons, "
         << llvm::format("%.1f", 100.0 * occupancy) << "% of "
         << panel.capacity << "</title></rect>\n";
    }
    // Traffic: a line between the centres of two cores, its width growing
    // with the synapses between them (relative to the heaviest pair).
    double heaviest = panel.links.empty() ? 1 : std::get<0>(panel.links[0]);
    auto centre = [&](int64_t core, int64_t &cx, int64_t &cy) {
      const auto &pos = panel.cores[core];
      cx = kMargin + pos[0] * (chipWidth + kMargin) + pos[1] * panel.cell +
           panel.cell / 2;
      cy = meshTop + pos[2] * panel.cell + panel.cell / 2;
      return pos[0] < drawn;
    };
    for (auto [w, a, b] : panel.links) {
      int64_t x1, y1, x2, y2;
      if (!centre(a, x1, y1) || !centre(b, x2, y2))
        continue;
      os << "<line x1=\"" << x1 << "\" y1=\"" << y1 << "\" x2=\"" << x2
         << "\" y2=\"" << y2 << "\" stroke=\"#333\" stroke-opacity=\"0.6\" "
         << "stroke-width=\"" << llvm::format("%.2f", 0.5 + 3.5 * w / heaviest)
         << "\"><title>cores " << a << " and " << b << ": "
         << llvm::format("%.4g", w) << " synapses</title></line>\n";
    }
    int64_t legendTop = meshTop + chipHeight + kMargin;
    os << "<text x=\"" << kMargin << "\" y=\"" << legendTop + 12
       << "\">each core in the colour of the population with the most "
          "neurons on it, opaque as it is full; lines: synapses between "
          "cores (the heaviest "
       << kMaxLinks << " pairs)</text>\n";
    for (auto [i, label] : llvm::enumerate(panel.legend)) {
      int64_t rowTop = legendTop + int64_t(i + 1) * kLegendRow;
      os << "<rect x=\"" << kMargin << "\" y=\"" << rowTop << "\" width=\"12\""
         << " height=\"12\" fill=\"" << colourOf(int64_t(i)) << "\"/>"
         << "<text x=\"" << kMargin + 18 << "\" y=\"" << rowTop + 11 << "\">";
      llvm::printHTMLEscaped(label, os);
      os << "</text>\n";
    }
    top = legendTop + int64_t(panel.legend.size() + 1) * kLegendRow + kMargin;
  }
  os << "</svg>\n";
  return success();
}
