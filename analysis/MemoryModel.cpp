//===- MemoryModel.cpp - the seed's memory model of a human-scale brain ---===//
//
// The figures and how the tables round them. Every figure is computed from
// the parameters; only its printing follows the seed's columns:
//
// - Raw synapse memory (section 3): the bytes as m x 10^E with E the
//   exponent of the largest row and one decimal (2.4, ..., 0.8 x 10^15), and
//   the TB and PB columns at the same resolution, 10^(E-1) B: whole TB, and
//   PB with one decimal at 10^14 synapses (2.4 PB) and none at 10^15
//   (24 PB).
// - Raw totals (section 5.x.1): TB with the digits the figure has (2408.6),
//   bytes as m x 10^e with the digits it has (2.4086 x 10^15).
// - C_type with one decimal (1.2); C_total as m x 10^6 with one decimal.
// - Final memory: GB with two decimals (1.67); the summaries with one
//   decimal from 1 GB up (1.7) and two below (0.27), the figures below 1 GB
//   restated in MB (0.27 GB = 270 MB); the worked example's quotient with as
//   many significant digits as the raw bytes it divides (2.0086 x 10^15 /
//   1.2 x 10^6 = 1.6738 x 10^9).
// - The saving of one type over another in whole percent (36%).
//
//===----------------------------------------------------------------------===//

#include "analysis/MemoryModel.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

using namespace snnc::memory;

namespace {
std::string printfString(const char *format, ...)
    __attribute__((format(printf, 1, 2)));

std::string printfString(const char *format, ...) {
  va_list args, copy;
  va_start(args, format);
  va_copy(copy, args);
  int size = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::string text(size > 0 ? size : 0, '\0');
  if (size > 0)
    std::vsnprintf(text.data(), size + 1, format, args);
  va_end(args);
  return text;
}

/// The decimal exponent of `value` > 0: 2.4e15 -> 15.
int exponentOf(double value) {
  int exponent = int(std::floor(std::log10(value)));
  // log10 may land just below an integer for an exact power of ten.
  if (value / std::pow(10.0, exponent + 1) >= 1 - 1e-12)
    ++exponent;
  return exponent;
}

/// Decimals that show a resolution of `resolution` in `unit`: 0.1 PB -> 1.
int decimalsFor(double resolution, double unit) {
  return std::max(0, int(std::ceil(-std::log10(resolution / unit) - 1e-9)));
}

/// Strips trailing zeros (and a trailing point) from a decimal number.
std::string trimZeros(std::string text) {
  if (text.find('.') == std::string::npos)
    return text;
  while (!text.empty() && text.back() == '0')
    text.pop_back();
  if (!text.empty() && text.back() == '.')
    text.pop_back();
  return text;
}

/// Significant digits of a decimal number as formatExact prints it.
int significantDigits(const std::string &text) {
  int digits = 0;
  bool leading = true;
  for (char c : text) {
    if (c < '0' || c > '9')
      continue;
    if (leading && c == '0')
      continue;
    leading = false;
    ++digits;
  }
  return std::max(digits, 1);
}

/// `value` as m x 10^e with `significant` significant digits.
std::string formatSignificant(double value, int significant) {
  int exponent = exponentOf(value);
  std::string mantissa =
      formatFixed(value / std::pow(10.0, exponent), significant - 1);
  // Rounding may carry into a new digit: 9.99 -> 10.0.
  if (mantissa.size() >= 2 && mantissa[0] == '1' && mantissa[1] == '0') {
    ++exponent;
    mantissa = formatFixed(value / std::pow(10.0, exponent), significant - 1);
  }
  return mantissa + " x 10^" + std::to_string(exponent);
}

/// Decimals of the final memory in GB in the tables and the comparison;
/// the summaries round by summaryGB.
constexpr int kFinalDecimals = 2;
std::string summaryGB(double bytes, bool withMB) {
  double gb = bytes / kGB;
  int decimals = gb >= 1 ? 1 : 2;
  std::string text = "~" + formatFixed(gb, decimals) + " GB";
  if (withMB && gb < 1) {
    double rounded =
        std::round(gb * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    text += " (" + formatFixed(rounded * kGB / kMB, 0) + " MB)";
  }
  return text;
}

/// 1000000 -> 1,000,000.
std::string groupThousands(const std::string &digits) {
  size_t end = digits.find('.');
  if (end == std::string::npos)
    end = digits.size();
  std::string text = digits;
  for (size_t i = end; i > 3; i -= 3)
    text.insert(i - 3, ",");
  return text;
}

std::string jsonNumber(double value) {
  std::string text = printfString("%.15g", value);
  if (std::strtod(text.c_str(), nullptr) != value)
    text = printfString("%.17g", value);
  return text;
}

std::string jsonString(const std::string &value) {
  std::string text = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\')
      text += '\\';
    text += c;
  }
  return text + "\"";
}

const char *units = "1 KB = 10^3 B, 1 MB = 10^6 B, 1 GB = 10^9 B, "
                    "1 TB = 10^12 B, 1 PB = 10^15 B";
} // namespace

//===----------------------------------------------------------------------===//
// Parameters
//===----------------------------------------------------------------------===//

const Parameters &snnc::memory::seedParameters() {
  static const Parameters params = [] {
    Parameters p;
    p.neurons = 8.6e10;
    p.bytesPerNeuron = 100;
    // Hodgkin-Huxley at float32: V_m, m, h, n, I_syn, I_ext; C_m, the
    // maximal conductances and reversal potentials; spike_time_last and
    // spike_count.
    p.neuronParts = {{"state (6 x 4 B)", 24, 24},
                     {"parameters (10 x 4 B)", 40, 40},
                     {"spike bookkeeping", 8, 16},
                     {"slack, padding, metadata", 16, 16}};
    p.synapseCounts = {{"low", 1e14}, {"high", 1e15}};
    p.synapseTypes = {
        {"float32", 32, 24, "baseline"},
        {"float16", 16, 20, "weight halved"},
        {"int8", 8, 16, "weight and traces narrowed"},
        {"int4", 4, 8, "aggressive quantization"},
        {"binary", 1, 4, "extreme Hebbian"},
    };
    p.structural = {
        {"sparse", 10, "inactive or unneeded connections removed"},
        {"event-driven", 10, "active and stored only when there are spikes"},
        {"column/kernel sharing", 10, "minicolumn templates shared"},
        {"procedural synapse generation", 10,
         "generation rules instead of tables"},
        {"developmental rules", 100, "DNA-style connectome generation"},
    };
    p.lowBitReference = "float32";
    p.exampleType = "float16";
    p.summaryTypes = {"float16", "int8", "int4", "binary"};
    p.compareFrom = "float16";
    p.compareTo = "int8";
    return p;
  }();
  return params;
}

bool snnc::memory::verify(const Parameters &params, std::string &error) {
  if (!(params.neurons > 0) || !(params.bytesPerNeuron > 0)) {
    error = "the neuron count and the bytes per neuron must be positive";
    return false;
  }
  if (params.synapseCounts.empty() || params.synapseTypes.empty()) {
    error = "the model needs a synapse count and a synapse type";
    return false;
  }
  for (const SynapseCount &count : params.synapseCounts)
    if (!(count.count > 0)) {
      error = "synapse count '" + count.label + "' must be positive";
      return false;
    }
  for (const SynapseType &type : params.synapseTypes)
    if (!(type.bytes > 0)) {
      error = "synapse type '" + type.name + "' must take a positive size";
      return false;
    }
  for (const CompressionFactor &factor : params.structural)
    if (!(factor.factor > 0)) {
      error = "compression factor '" + factor.technique + "' must be positive";
      return false;
    }
  std::vector<std::string> named = params.summaryTypes;
  named.insert(named.end(), {params.lowBitReference, params.exampleType,
                             params.compareFrom, params.compareTo});
  for (const std::string &name : named)
    if (!findType(params, name)) {
      error = "no synapse type '" + name + "'";
      return false;
    }
  return true;
}

const SynapseType *snnc::memory::findType(const Parameters &params,
                                          const std::string &name) {
  for (const SynapseType &type : params.synapseTypes)
    if (type.name == name)
      return &type;
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Figures
//===----------------------------------------------------------------------===//

double snnc::memory::neuronBytes(const Parameters &params) {
  return params.neurons * params.bytesPerNeuron;
}

double snnc::memory::synapseBytes(double synapses, const SynapseType &type) {
  return synapses * type.bytes;
}

double snnc::memory::structuralFactor(const Parameters &params) {
  double product = 1;
  for (const CompressionFactor &factor : params.structural)
    product *= factor.factor;
  return product;
}

double snnc::memory::typeFactor(const Parameters &params,
                                const SynapseType &type) {
  return findType(params, params.lowBitReference)->bytes / type.bytes;
}

Tables snnc::memory::computeTables(const Parameters &params) {
  Tables tables;
  tables.params = params;
  tables.neuronBytes = neuronBytes(params);
  tables.structuralFactor = structuralFactor(params);
  for (const SynapseCount &count : params.synapseCounts) {
    CountTables counted;
    counted.count = count;
    for (const SynapseType &type : params.synapseTypes) {
      TypeRow row;
      row.type = type.name;
      row.bytesPerSynapse = type.bytes;
      row.synapseBytes = synapseBytes(count.count, type);
      row.neuronBytes = tables.neuronBytes;
      row.rawBytes = row.neuronBytes + row.synapseBytes;
      row.typeFactor = typeFactor(params, type);
      row.totalFactor = tables.structuralFactor * row.typeFactor;
      row.finalBytes = row.rawBytes / row.totalFactor;
      counted.rows.push_back(row);
    }
    counted.saving = 1 - findRow(counted, params.compareTo)->finalBytes /
                             findRow(counted, params.compareFrom)->finalBytes;
    tables.counts.push_back(counted);
  }
  return tables;
}

const TypeRow *snnc::memory::findRow(const CountTables &counts,
                                     const std::string &type) {
  for (const TypeRow &row : counts.rows)
    if (row.type == type)
      return &row;
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Rounding
//===----------------------------------------------------------------------===//

std::string snnc::memory::formatFixed(double value, int decimals) {
  std::string text = printfString("%.*f", decimals, value);
  if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-')
    text.erase(0, 1);
  return text;
}

std::string snnc::memory::formatExact(double value) {
  // Twelve significant digits absorb the error of the arithmetic
  // (2408.6000000000004 prints 2408.6) and keep every digit the figure has.
  int exponent = value == 0 ? 0 : exponentOf(std::fabs(value));
  return trimZeros(formatFixed(value, std::max(0, 11 - exponent)));
}

std::string snnc::memory::formatScientific(double value) {
  int exponent = exponentOf(value);
  std::string mantissa = formatExact(value / std::pow(10.0, exponent));
  return mantissa + " x 10^" + std::to_string(exponent);
}

std::string snnc::memory::formatPower(double value, int exponent,
                                      int decimals) {
  return formatFixed(value / std::pow(10.0, exponent), decimals) + " x 10^" +
         std::to_string(exponent);
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

std::string snnc::memory::formatTables(const Tables &tables) {
  const Parameters &p = tables.params;
  std::string out;
  auto add = [&](const std::string &line) { out += line + "\n"; };
  auto countName = [](const SynapseCount &count) {
    return "N_syn = " + formatScientific(count.count) + " (" + count.label +
           ")";
  };

  add("memory model of a human-scale brain in compressed form (from "
      "abi-memory-model, the seed document the project started from)");
  add(std::string("  units: ") + units);
  add("");

  // Sections 1 and 2: the parameters.
  add("1. neurons");
  add("  N_neuron  " + formatScientific(p.neurons));
  double partsMin = 0, partsMax = 0;
  for (const NeuronPart &part : p.neuronParts) {
    partsMin += part.minBytes;
    partsMax += part.maxBytes;
    std::string bytes = formatExact(part.minBytes);
    if (part.maxBytes != part.minBytes)
      bytes += "-" + formatExact(part.maxBytes);
    add(printfString("    %-26s %s B", part.name.c_str(), bytes.c_str()));
  }
  add(printfString("    %-26s %s-%s B", "sum", formatExact(partsMin).c_str(),
                   formatExact(partsMax).c_str()));
  add("  S_neuron  " + formatExact(p.bytesPerNeuron) +
      " B per neuron, the round figure the model uses");
  add("  M_neuron  N_neuron x S_neuron = " +
      formatScientific(tables.neuronBytes) +
      " B = " + formatExact(tables.neuronBytes / kTB) + " TB");
  add("");
  add("2. synapses");
  for (const SynapseCount &count : p.synapseCounts)
    add("  " + countName(count));
  add("  type     weight  S_syn");
  for (const SynapseType &type : p.synapseTypes)
    add(printfString("  %-8s %2d bit  %2s B   %s", type.name.c_str(),
                     type.weightBits, formatExact(type.bytes).c_str(),
                     type.note.c_str()));
  add("");

  // Section 3: raw memory.
  add("3. raw memory, before compression");
  add("3.1 synapse memory: M_syn = N_syn x S_syn");
  std::vector<int> exponents;
  for (size_t c = 0; c < tables.counts.size(); ++c) {
    const CountTables &counted = tables.counts[c];
    double largest = 0;
    for (const TypeRow &row : counted.rows)
      largest = std::max(largest, row.synapseBytes);
    int exponent = exponentOf(largest);
    exponents.push_back(exponent);
    double resolution = std::pow(10.0, exponent - 1);
    int tbDecimals = decimalsFor(resolution, kTB);
    int pbDecimals = decimalsFor(resolution, kPB);
    add(printfString("3.1.%zu %s", c + 1, countName(counted.count).c_str()));
    add("  type     B/synapse  bytes              TB       PB");
    for (const TypeRow &row : counted.rows)
      add(printfString(
          "  %-8s %9s  %-12s  %6s TB  %4s PB", row.type.c_str(),
          formatExact(row.bytesPerSynapse).c_str(),
          formatPower(row.synapseBytes, exponent, 1).c_str(),
          formatFixed(row.synapseBytes / kTB, tbDecimals).c_str(),
          formatFixed(row.synapseBytes / kPB, pbDecimals).c_str()));
  }
  add("3.2 neurons and synapses: M_raw = M_neuron + M_syn, " + p.exampleType);
  for (size_t c = 0; c < tables.counts.size(); ++c) {
    const CountTables &counted = tables.counts[c];
    const TypeRow &row = *findRow(counted, p.exampleType);
    double resolution = std::pow(10.0, exponents[c] - 1);
    int tbDecimals = decimalsFor(resolution, kTB);
    int pbDecimals = decimalsFor(resolution, kPB);
    add("  " + countName(counted.count) + ": neurons " +
        formatExact(row.neuronBytes / kTB) + " TB + synapses " +
        formatFixed(row.synapseBytes / kPB, pbDecimals) +
        " PB = " + formatFixed(row.synapseBytes / kTB, tbDecimals) + " TB");
    add("    M_raw ~ " + formatExact(row.rawBytes / kTB) + " TB ~ " +
        formatFixed(row.rawBytes / kPB, pbDecimals) + " PB");
  }
  add("");

  // Section 4: compression factors.
  int factorExponent = exponentOf(tables.structuralFactor);
  add("4. compression, the neuron and synapse counts kept");
  add("4.1 structural factor C_struct");
  add("  technique                       factor");
  std::string product;
  for (const CompressionFactor &factor : p.structural) {
    add(printfString("  %-31s x%-6s %s", factor.technique.c_str(),
                     formatExact(factor.factor).c_str(),
                     factor.description.c_str()));
    product += (product.empty() ? "" : " x ") + formatExact(factor.factor);
  }
  add("  C_struct = " + product + " = " +
      formatPower(tables.structuralFactor, factorExponent, 0) + " (" +
      groupThousands(formatExact(tables.structuralFactor)) + ")");
  const SynapseType &reference = *findType(p, p.lowBitReference);
  add("4.2 low-bit factor C_type = " + formatExact(reference.bytes) +
      " / S_syn (the structural factors are taken at " + reference.name +
      "), C_total = C_struct x C_type");
  add("  type     B/synapse  C_type  C_total");
  for (const TypeRow &row : tables.counts.front().rows)
    add(printfString("  %-8s %9s  %6s  %s", row.type.c_str(),
                     formatExact(row.bytesPerSynapse).c_str(),
                     formatFixed(row.typeFactor, 1).c_str(),
                     formatPower(row.totalFactor, factorExponent, 1).c_str()));
  add("");

  // Section 5: final memory.
  add("5. final memory: M_final = M_raw / C_total");
  for (size_t c = 0; c < tables.counts.size(); ++c) {
    const CountTables &counted = tables.counts[c];
    add(printfString("5.%zu %s", c + 1, countName(counted.count).c_str()));
    add(printfString("5.%zu.1 raw totals, neurons and synapses", c + 1));
    add("  type     synapses TB  neurons TB  raw TB     raw bytes");
    for (const TypeRow &row : counted.rows)
      add(printfString("  %-8s %11s  %10s  %-9s  %s", row.type.c_str(),
                       formatExact(row.synapseBytes / kTB).c_str(),
                       formatExact(row.neuronBytes / kTB).c_str(),
                       formatExact(row.rawBytes / kTB).c_str(),
                       formatScientific(row.rawBytes).c_str()));
    add(printfString("5.%zu.2 after compression, in GB", c + 1));
    const TypeRow &example = *findRow(counted, p.exampleType);
    std::string raw = formatScientific(example.rawBytes);
    add("  " + example.type + ": " + raw + " B / " +
        formatPower(example.totalFactor, factorExponent, 1) + " = " +
        formatSignificant(example.finalBytes,
                          significantDigits(raw.substr(0, raw.find(' ')))) +
        " B ~ " + formatFixed(example.finalBytes / kGB, kFinalDecimals) +
        " GB");
    add("  type     C_total     raw bytes           final");
    for (const TypeRow &row : counted.rows)
      add(printfString(
          "  %-8s %-10s  %-18s  ~%s GB", row.type.c_str(),
          formatPower(row.totalFactor, factorExponent, 1).c_str(),
          formatScientific(row.rawBytes).c_str(),
          formatFixed(row.finalBytes / kGB, kFinalDecimals).c_str()));
    add("  in short:");
    for (const std::string &type : p.summaryTypes)
      add(printfString(
          "    %-8s %s", type.c_str(),
          summaryGB(findRow(counted, type)->finalBytes, true).c_str()));
  }
  add("");

  // Section 6: the comparison.
  add("6. " + p.compareFrom + " against " + p.compareTo);
  for (size_t c = 0; c < tables.counts.size(); ++c) {
    const CountTables &counted = tables.counts[c];
    add(printfString(
        "6.%zu %s: %s ~%s GB, %s ~%s GB: %s saves ~%s%%", c + 1,
        countName(counted.count).c_str(), p.compareFrom.c_str(),
        formatFixed(findRow(counted, p.compareFrom)->finalBytes / kGB,
                    kFinalDecimals)
            .c_str(),
        p.compareTo.c_str(),
        formatFixed(findRow(counted, p.compareTo)->finalBytes / kGB,
                    kFinalDecimals)
            .c_str(),
        p.compareTo.c_str(), formatFixed(counted.saving * 100, 0).c_str()));
  }
  std::string first = tables.counts.front().count.label;
  std::string last = tables.counts.back().count.label;
  add(printfString("6.%zu the whole brain, %s to %s synapse count:",
                   tables.counts.size() + 1, first.c_str(), last.c_str()));
  for (const std::string &type : {p.compareFrom, p.compareTo}) {
    std::string low =
        summaryGB(findRow(tables.counts.front(), type)->finalBytes, false);
    std::string high =
        summaryGB(findRow(tables.counts.back(), type)->finalBytes, false);
    // "~1.7 GB" and "~16.7 GB" read as "~1.7-16.7 GB".
    add(printfString("  %-8s %s-%s", type.c_str(),
                     low.substr(0, low.size() - 3).c_str(),
                     high.substr(1).c_str()));
  }
  return out;
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

std::string snnc::memory::formatTablesJson(const Tables &tables) {
  const Parameters &p = tables.params;
  std::string out = "{\n";
  auto join = [](const std::vector<std::string> &items, const char *indent) {
    std::string text;
    for (size_t i = 0; i < items.size(); ++i)
      text += std::string(indent) + items[i] +
              (i + 1 < items.size() ? "," : "") + "\n";
    return text;
  };
  out += "  \"source\": \"abi-memory-model\",\n";
  out += "  \"units\": {\"KB\": 1e3, \"MB\": 1e6, \"GB\": 1e9, \"TB\": 1e12, "
         "\"PB\": 1e15},\n";
  out += "  \"parameters\": {\n";
  out += "    \"neurons\": " + jsonNumber(p.neurons) + ",\n";
  out += "    \"bytes_per_neuron\": " + jsonNumber(p.bytesPerNeuron) + ",\n";
  std::vector<std::string> items;
  for (const NeuronPart &part : p.neuronParts)
    items.push_back("{\"name\": " + jsonString(part.name) +
                    ", \"min_bytes\": " + jsonNumber(part.minBytes) +
                    ", \"max_bytes\": " + jsonNumber(part.maxBytes) + "}");
  out += "    \"neuron_parts\": [\n" + join(items, "      ") + "    ],\n";
  items.clear();
  for (const SynapseCount &count : p.synapseCounts)
    items.push_back("{\"label\": " + jsonString(count.label) +
                    ", \"synapses\": " + jsonNumber(count.count) + "}");
  out += "    \"synapse_counts\": [\n" + join(items, "      ") + "    ],\n";
  items.clear();
  for (const SynapseType &type : p.synapseTypes)
    items.push_back("{\"name\": " + jsonString(type.name) +
                    ", \"weight_bits\": " + std::to_string(type.weightBits) +
                    ", \"bytes\": " + jsonNumber(type.bytes) + "}");
  out += "    \"synapse_types\": [\n" + join(items, "      ") + "    ],\n";
  items.clear();
  for (const CompressionFactor &factor : p.structural)
    items.push_back("{\"technique\": " + jsonString(factor.technique) +
                    ", \"factor\": " + jsonNumber(factor.factor) + "}");
  out += "    \"structural_factors\": [\n" + join(items, "      ") + "    ],\n";
  out += "    \"low_bit_reference\": " + jsonString(p.lowBitReference) + "\n";
  out += "  },\n";
  out += "  \"neuron_bytes\": " + jsonNumber(tables.neuronBytes) + ",\n";
  out +=
      "  \"structural_factor\": " + jsonNumber(tables.structuralFactor) + ",\n";
  std::vector<std::string> counts;
  for (const CountTables &counted : tables.counts) {
    items.clear();
    for (const TypeRow &row : counted.rows)
      items.push_back(
          "{\"type\": " + jsonString(row.type) +
          ", \"bytes_per_synapse\": " + jsonNumber(row.bytesPerSynapse) +
          ", \"synapse_bytes\": " + jsonNumber(row.synapseBytes) +
          ", \"raw_bytes\": " + jsonNumber(row.rawBytes) +
          ", \"type_factor\": " + jsonNumber(row.typeFactor) +
          ", \"total_factor\": " + jsonNumber(row.totalFactor) +
          ", \"final_bytes\": " + jsonNumber(row.finalBytes) + "}");
    counts.push_back(
        "{\n      \"label\": " + jsonString(counted.count.label) +
        ",\n      \"synapses\": " + jsonNumber(counted.count.count) +
        ",\n      \"rows\": [\n" + join(items, "        ") +
        "      ],\n      \"saving\": {\"from\": " + jsonString(p.compareFrom) +
        ", \"to\": " + jsonString(p.compareTo) +
        ", \"fraction\": " + jsonNumber(counted.saving) + "}\n    }");
  }
  out += "  \"counts\": [\n" + join(counts, "    ") + "  ]\n";
  return out + "}\n";
}
