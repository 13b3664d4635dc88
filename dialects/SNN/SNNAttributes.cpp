//===- SNNAttributes.cpp - attributes of the snn dialect ------------------===//

#include "dialects/SNN/SNNDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace snnc::snn;

#define GET_ATTRDEF_CLASSES
#include "dialects/SNN/SNNAttributes.cpp.inc"

void SNNDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dialects/SNN/SNNAttributes.cpp.inc"
      >();
}

std::string snnc::snn::describeDimension(Dimension dim) {
  llvm::StringRef unit = units::internalUnit(toUnitsDim(dim));
  std::string text = stringifyDimension(dim).str();
  if (!unit.empty())
    text += " (" + unit.str() + ")";
  return text;
}

namespace {
/// Parses a number written as an integer (`20`, `-65`) or a float (`0.02`).
ParseResult parseNumber(AsmParser &parser, double &value) {
  llvm::SMLoc loc = parser.getCurrentLocation();
  Attribute attr;
  if (parser.parseAttribute(attr))
    return failure();
  if (auto f = llvm::dyn_cast<FloatAttr>(attr)) {
    value = f.getValueAsDouble();
    return success();
  }
  if (auto i = llvm::dyn_cast<IntegerAttr>(attr)) {
    value = static_cast<double>(i.getValue().getSExtValue());
    return success();
  }
  return parser.emitError(loc) << "expected a number, got " << attr;
}

/// Parses an optional unit after a number: a bare keyword (`ms`, `uS`) or a
/// string for spellings the lexer does not take as identifiers (`"µS"`).
/// Without a unit the value is dimensionless.
ParseResult parseUnit(AsmParser &parser, units::UnitInfo &info) {
  info = {units::Dim::dimensionless, 0};
  llvm::SMLoc loc = parser.getCurrentLocation();
  std::string spelled;
  StringRef keyword;
  if (succeeded(parser.parseOptionalKeyword(&keyword)))
    spelled = keyword.str();
  else if (failed(parser.parseOptionalString(&spelled)))
    return success();
  std::optional<units::UnitInfo> found = units::lookup(spelled);
  if (!found)
    return parser.emitError(loc)
           << "unknown unit '" << spelled
           << "' (time: s ms us ns; voltage: V mV uV; current: A mA uA nA pA; "
              "conductance: S mS uS nS pS; capacitance: F uF nF pF; length: m "
              "mm um nm; resistance: Ohm kOhm MOhm GOhm; rate: Hz kHz MHz)";
  info = *found;
  return success();
}

void printUnit(AsmPrinter &printer, Dimension dim) {
  StringRef unit = units::internalUnit(toUnitsDim(dim));
  if (!unit.empty())
    printer << " " << unit;
}

void printNumber(AsmPrinter &printer, double value) {
  printer << units::formatDouble(value);
}

/// `name = number [unit]`, converted to the internal unit, which must be of
/// dimension `expected`.
ParseResult parseNamedNumber(AsmParser &parser, StringRef name,
                             units::Dim expected, double &value) {
  if (parser.parseKeyword(name) || parser.parseEqual())
    return failure();
  llvm::SMLoc loc = parser.getCurrentLocation();
  units::UnitInfo unit;
  if (parseNumber(parser, value) || parseUnit(parser, unit))
    return failure();
  if (unit.dim == units::Dim::dimensionless && expected != unit.dim)
    unit.dim = expected; // A bare number is read in the internal unit.
  if (unit.dim != expected)
    return parser.emitError(loc)
           << "'" << name << "' expects "
           << describeDimension(fromUnitsDim(expected)) << ", got "
           << describeDimension(fromUnitsDim(unit.dim));
  value = units::toInternal(value, unit.exponent);
  return success();
}

LogicalResult checkFinite(function_ref<InFlightDiagnostic()> emitError,
                          ArrayRef<double> values, StringRef what) {
  for (double v : values)
    if (!std::isfinite(v))
      return emitError() << what << " must be finite, got "
                         << units::formatDouble(v);
  return success();
}
} // namespace

//===----------------------------------------------------------------------===//
// QuantityAttr
//===----------------------------------------------------------------------===//

QuantityAttr QuantityAttr::get(MLIRContext *ctx, ArrayRef<double> values,
                               Dimension dim) {
  return get(ctx, DenseF64ArrayAttr::get(ctx, values), dim);
}

LogicalResult
QuantityAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                     DenseF64ArrayAttr values, Dimension dimension) {
  if (!values || values.empty())
    return emitError() << "a quantity needs at least one value";
  return checkFinite(emitError, values.asArrayRef(), "a quantity");
}

Attribute QuantityAttr::parse(AsmParser &parser, Type) {
  SmallVector<double> values;
  if (parser.parseLess())
    return {};
  auto parseOne = [&]() -> ParseResult {
    return parseNumber(parser, values.emplace_back());
  };
  if (succeeded(parser.parseOptionalLSquare())) {
    if (parser.parseCommaSeparatedList(parseOne) || parser.parseRSquare())
      return {};
  } else if (parseOne()) {
    return {};
  }
  units::UnitInfo unit;
  if (parseUnit(parser, unit) || parser.parseGreater())
    return {};
  for (double &v : values)
    v = units::toInternal(v, unit.exponent);
  return parser.getChecked<QuantityAttr>(
      parser.getContext(), DenseF64ArrayAttr::get(parser.getContext(), values),
      fromUnitsDim(unit.dim));
}

void QuantityAttr::print(AsmPrinter &printer) const {
  printer << "<";
  ArrayRef<double> values = getValues().asArrayRef();
  if (values.size() == 1) {
    printNumber(printer, values.front());
  } else {
    printer << "[";
    llvm::interleaveComma(values, printer,
                          [&](double v) { printNumber(printer, v); });
    printer << "]";
  }
  printUnit(printer, getDimension());
  printer << ">";
}

//===----------------------------------------------------------------------===//
// DistributionAttr
//===----------------------------------------------------------------------===//

namespace {
size_t numDistributionParams(DistributionKind kind) {
  return kind == DistributionKind::constant ? 1 : 2;
}
} // namespace

LogicalResult
DistributionAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         DistributionKind kind, DenseF64ArrayAttr params,
                         Dimension dimension) {
  size_t expected = numDistributionParams(kind);
  if (!params || params.size() != static_cast<int64_t>(expected))
    return emitError() << "a " << stringifyDistributionKind(kind)
                       << " distribution takes " << expected
                       << " parameter(s), got " << (params ? params.size() : 0);
  if (failed(checkFinite(emitError, params.asArrayRef(),
                         "a distribution parameter")))
    return failure();
  switch (kind) {
  case DistributionKind::constant:
    break;
  case DistributionKind::uniform:
    if (params[0] > params[1])
      return emitError() << "uniform distribution needs low <= high, got "
                         << units::formatDouble(params[0]) << " > "
                         << units::formatDouble(params[1]);
    break;
  case DistributionKind::normal:
  case DistributionKind::lognormal:
    if (params[1] < 0)
      return emitError() << "the deviation of a "
                         << stringifyDistributionKind(kind)
                         << " distribution must be >= 0, got "
                         << units::formatDouble(params[1]);
    break;
  }
  return success();
}

Attribute DistributionAttr::parse(AsmParser &parser, Type) {
  StringRef kindName;
  llvm::SMLoc kindLoc;
  SmallVector<double> params;
  if (parser.parseLess())
    return {};
  kindLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&kindName))
    return {};
  std::optional<DistributionKind> kind = symbolizeDistributionKind(kindName);
  if (!kind) {
    parser.emitError(kindLoc) << "unknown distribution '" << kindName
                              << "' (constant, uniform, normal, lognormal)";
    return {};
  }
  units::UnitInfo unit;
  if (parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Paren,
          [&]() { return parseNumber(parser, params.emplace_back()); }) ||
      parseUnit(parser, unit) || parser.parseGreater())
    return {};
  if (*kind == DistributionKind::lognormal) {
    // log(x * 10^e) = log(x) + e * ln(10): only the location moves.
    if (!params.empty())
      params[0] += unit.exponent * std::log(10.0);
  } else {
    for (double &p : params)
      p = units::toInternal(p, unit.exponent);
  }
  return parser.getChecked<DistributionAttr>(
      parser.getContext(), *kind,
      DenseF64ArrayAttr::get(parser.getContext(), params),
      fromUnitsDim(unit.dim));
}

void DistributionAttr::print(AsmPrinter &printer) const {
  printer << "<" << stringifyDistributionKind(getKind()) << "(";
  llvm::interleaveComma(getParams().asArrayRef(), printer,
                        [&](double v) { printNumber(printer, v); });
  printer << ")";
  printUnit(printer, getDimension());
  printer << ">";
}

//===----------------------------------------------------------------------===//
// StepAttr
//===----------------------------------------------------------------------===//

ArrayRef<double> StepAttr::getCoefficient(StringRef name) const {
  if (auto array = getCoefficients().getAs<DenseF64ArrayAttr>(name))
    return array.asArrayRef();
  return {};
}

Attribute StepAttr::parse(AsmParser &parser, Type) {
  double dt = 0;
  StringRef schemeName;
  DictionaryAttr coefficients;
  if (parser.parseLess() ||
      parseNamedNumber(parser, "dt", units::Dim::time, dt) ||
      parser.parseComma())
    return {};
  llvm::SMLoc schemeLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&schemeName))
    return {};
  std::optional<Scheme> scheme = symbolizeScheme(schemeName);
  if (!scheme) {
    parser.emitError(schemeLoc)
        << "unknown integration scheme '" << schemeName
        << "' (exact, euler, exponential_euler)";
    return {};
  }
  if (parser.parseComma() || parser.parseAttribute(coefficients) ||
      parser.parseGreater())
    return {};
  return StepAttr::get(parser.getContext(), APFloat(dt), *scheme,
                       coefficients);
}

void StepAttr::print(AsmPrinter &printer) const {
  printer << "<dt = ";
  printNumber(printer, getDtMs());
  printer << " ms, " << stringifyScheme(getScheme()) << ", ";
  printer.printAttribute(getCoefficients());
  printer << ">";
}

//===----------------------------------------------------------------------===//
// STDPAttr
//===----------------------------------------------------------------------===//

LogicalResult STDPAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                               APFloat aPlus, APFloat aMinus, APFloat tauPlus,
                               APFloat tauMinus, APFloat wMin, APFloat wMax) {
  double values[] = {aPlus.convertToDouble(),   aMinus.convertToDouble(),
                     tauPlus.convertToDouble(), tauMinus.convertToDouble(),
                     wMin.convertToDouble(),    wMax.convertToDouble()};
  std::string text[6];
  for (int i = 0; i < 6; ++i)
    text[i] = units::formatDouble(values[i]);
  if (failed(checkFinite(emitError, values, "an stdp parameter")))
    return failure();
  if (values[0] < 0 || values[1] < 0)
    return emitError() << "stdp amplitudes must be >= 0, got a_plus = "
                       << text[0] << ", a_minus = " << text[1];
  if (values[2] <= 0 || values[3] <= 0)
    return emitError() << "stdp time constants must be > 0 ms, got tau_plus = "
                       << text[2] << ", tau_minus = " << text[3];
  if (values[4] > values[5])
    return emitError() << "stdp needs w_min <= w_max, got " << text[4]
                       << " > " << text[5];
  return success();
}

Attribute STDPAttr::parse(AsmParser &parser, Type) {
  double aPlus, aMinus, tauPlus, tauMinus, wMin, wMax;
  using units::Dim;
  if (parser.parseLess() ||
      parseNamedNumber(parser, "a_plus", Dim::dimensionless, aPlus) ||
      parser.parseComma() ||
      parseNamedNumber(parser, "a_minus", Dim::dimensionless, aMinus) ||
      parser.parseComma() ||
      parseNamedNumber(parser, "tau_plus", Dim::time, tauPlus) ||
      parser.parseComma() ||
      parseNamedNumber(parser, "tau_minus", Dim::time, tauMinus) ||
      parser.parseComma() ||
      parseNamedNumber(parser, "w_min", Dim::dimensionless, wMin) ||
      parser.parseComma() ||
      parseNamedNumber(parser, "w_max", Dim::dimensionless, wMax) ||
      parser.parseGreater())
    return {};
  return parser.getChecked<STDPAttr>(parser.getContext(), APFloat(aPlus),
                                     APFloat(aMinus), APFloat(tauPlus),
                                     APFloat(tauMinus), APFloat(wMin),
                                     APFloat(wMax));
}

void STDPAttr::print(AsmPrinter &printer) const {
  auto field = [&](StringRef name, const APFloat &value, StringRef unit) {
    printer << name << " = ";
    printNumber(printer, value.convertToDouble());
    if (!unit.empty())
      printer << " " << unit;
  };
  printer << "<";
  field("a_plus", getAPlus(), "");
  printer << ", ";
  field("a_minus", getAMinus(), "");
  printer << ", ";
  field("tau_plus", getTauPlus(), "ms");
  printer << ", ";
  field("tau_minus", getTauMinus(), "ms");
  printer << ", ";
  field("w_min", getWMin(), "");
  printer << ", ";
  field("w_max", getWMax(), "");
  printer << ">";
}
