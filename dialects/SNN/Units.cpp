//===- Units.cpp - physical units of the snn dialect ----------------------===//

#include "dialects/SNN/Units.h"

#include <charconv>
#include <cmath>
#include <string>

using namespace snnc::snn::units;

namespace {
struct UnitRow {
  const char *name;
  Dim dim;
  int exponent;
};

// Written as the user may spell them; `u` and `µ` both mean micro.
constexpr UnitRow kUnits[] = {
    {"s", Dim::time, 3},           {"ms", Dim::time, 0},
    {"us", Dim::time, -3},         {"µs", Dim::time, -3},
    {"ns", Dim::time, -6},         {"V", Dim::voltage, 3},
    {"mV", Dim::voltage, 0},       {"uV", Dim::voltage, -3},
    {"µV", Dim::voltage, -3},      {"A", Dim::current, 9},
    {"mA", Dim::current, 6},       {"uA", Dim::current, 3},
    {"µA", Dim::current, 3},       {"nA", Dim::current, 0},
    {"pA", Dim::current, -3},      {"S", Dim::conductance, 6},
    {"mS", Dim::conductance, 3},   {"uS", Dim::conductance, 0},
    {"µS", Dim::conductance, 0},   {"nS", Dim::conductance, -3},
    {"pS", Dim::conductance, -6},  {"F", Dim::capacitance, 9},
    {"uF", Dim::capacitance, 3},   {"µF", Dim::capacitance, 3},
    {"nF", Dim::capacitance, 0},   {"pF", Dim::capacitance, -3},
    {"m", Dim::length, 6},         {"mm", Dim::length, 3},
    {"um", Dim::length, 0},        {"µm", Dim::length, 0},
    {"nm", Dim::length, -3},       {"Ohm", Dim::resistance, -6},
    {"kOhm", Dim::resistance, -3}, {"MOhm", Dim::resistance, 0},
    {"GOhm", Dim::resistance, 3},  {"Hz", Dim::rate, -3},
    {"kHz", Dim::rate, 0},         {"MHz", Dim::rate, 3},
};
} // namespace

std::optional<UnitInfo> snnc::snn::units::lookup(llvm::StringRef unit) {
  for (const UnitRow &row : kUnits)
    if (unit == row.name)
      return UnitInfo{row.dim, row.exponent};
  return std::nullopt;
}

llvm::StringRef snnc::snn::units::internalUnit(Dim dim) {
  switch (dim) {
  case Dim::dimensionless:
    return "";
  case Dim::time:
    return "ms";
  case Dim::voltage:
    return "mV";
  case Dim::current:
    return "nA";
  case Dim::conductance:
    return "uS";
  case Dim::capacitance:
    return "nF";
  case Dim::length:
    return "um";
  case Dim::resistance:
    return "MOhm";
  case Dim::rate:
    return "kHz";
  }
  return "";
}

double snnc::snn::units::toInternal(double value, int exponent) {
  double scale = 1.0;
  for (int i = 0; i < std::abs(exponent); ++i)
    scale *= 10.0;
  return exponent >= 0 ? value * scale : value / scale;
}

std::string snnc::snn::units::formatDouble(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  std::string text(buffer, result.ptr);
  return text;
}
