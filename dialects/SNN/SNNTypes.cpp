//===- SNNTypes.cpp - stream types of the snn dialect ---------------------===//

#include "dialects/SNN/SNNDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snnc::snn;

#define GET_TYPEDEF_CLASSES
#include "dialects/SNN/SNNTypes.cpp.inc"

void SNNDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/SNN/SNNTypes.cpp.inc"
      >();
}

namespace {
/// Graded payloads wider than this are not a spike any chip carries.
constexpr unsigned kMaxPayloadBits = 32;

LogicalResult verifyShape(function_ref<InFlightDiagnostic()> emitError,
                          ArrayRef<int64_t> shape) {
  if (shape.empty())
    return emitError() << "a stream needs at least one dimension";
  for (int64_t dim : shape)
    if (dim <= 0)
      return emitError() << "stream dimensions must be positive, got " << dim;
  return success();
}

void printShape(AsmPrinter &printer, ArrayRef<int64_t> shape) {
  llvm::interleave(shape, printer.getStream(), "x");
}

int64_t product(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t dim : shape)
    n *= dim;
  return n;
}
} // namespace

LogicalResult SpikeType::verify(function_ref<InFlightDiagnostic()> emitError,
                                ArrayRef<int64_t> shape, unsigned payloadBits) {
  if (payloadBits > kMaxPayloadBits)
    return emitError() << "graded spike payload of " << payloadBits
                       << " bits exceeds the limit of " << kMaxPayloadBits;
  return verifyShape(emitError, shape);
}

Type SpikeType::parse(AsmParser &parser) {
  SmallVector<int64_t> shape;
  unsigned bits = 0;
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/false,
                                /*withTrailingX=*/false))
    return {};
  if (succeeded(parser.parseOptionalComma())) {
    if (parser.parseKeyword("graded") || parser.parseInteger(bits))
      return {};
    if (bits == 0) {
      parser.emitError(parser.getCurrentLocation(),
                       "a graded spike needs a payload of at least 1 bit");
      return {};
    }
  }
  if (parser.parseGreater())
    return {};
  return parser.getChecked<SpikeType>(parser.getContext(), shape, bits);
}

void SpikeType::print(AsmPrinter &printer) const {
  printer << "<";
  printShape(printer, getShape());
  if (isGraded())
    printer << ", graded " << getPayloadBits();
  printer << ">";
}

int64_t SpikeType::getNumElements() const { return product(getShape()); }

LogicalResult CurrentType::verify(function_ref<InFlightDiagnostic()> emitError,
                                  ArrayRef<int64_t> shape) {
  return verifyShape(emitError, shape);
}

Type CurrentType::parse(AsmParser &parser) {
  SmallVector<int64_t> shape;
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/false,
                                /*withTrailingX=*/false) ||
      parser.parseGreater())
    return {};
  return parser.getChecked<CurrentType>(parser.getContext(), shape);
}

void CurrentType::print(AsmPrinter &printer) const {
  printer << "<";
  printShape(printer, getShape());
  printer << ">";
}

int64_t CurrentType::getNumElements() const { return product(getShape()); }

ArrayRef<int64_t> snnc::snn::getStreamShape(Type type) {
  return llvm::TypeSwitch<Type, ArrayRef<int64_t>>(type)
      .Case<SpikeType, CurrentType>([](auto t) { return t.getShape(); })
      .Default([](Type) { return ArrayRef<int64_t>(); });
}

int64_t snnc::snn::getNumElements(Type type) {
  return product(getStreamShape(type));
}
