//===- Weights.cpp - reading inline and resource weight tensors -----------===//

#include "dialects/SNN/Weights.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;

namespace {
/// Appends a loaded blob of the expected element count; a blob of another
/// size does not describe the tensor and is not read.
template <typename T, typename ResourceAttr, typename Out>
bool appendResource(ElementsAttr attr, Out &out) {
  auto resource = llvm::dyn_cast<ResourceAttr>(attr);
  if (!resource)
    return false;
  std::optional<ArrayRef<T>> data = resource.tryGetAsArrayRef();
  if (!data || static_cast<int64_t>(data->size()) != attr.getNumElements())
    return false;
  out.append(data->begin(), data->end());
  return true;
}
} // namespace

LogicalResult snnc::snn::readFloats(ElementsAttr attr,
                                    SmallVectorImpl<double> &out) {
  Type elementType = attr.getShapedType().getElementType();
  if (!llvm::isa<FloatType>(elementType))
    return failure();
  if (auto dense = llvm::dyn_cast<DenseFPElementsAttr>(attr)) {
    out.reserve(out.size() + dense.getNumElements());
    for (const APFloat &value : dense.getValues<APFloat>()) {
      APFloat copy = value;
      bool losesInfo = false;
      copy.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                   &losesInfo);
      out.push_back(copy.convertToDouble());
    }
    return success();
  }
  if (appendResource<float, DenseF32ResourceElementsAttr>(attr, out) ||
      appendResource<double, DenseF64ResourceElementsAttr>(attr, out))
    return success();
  return failure();
}

LogicalResult snnc::snn::readIntegers(ElementsAttr attr,
                                      SmallVectorImpl<int64_t> &out) {
  if (!llvm::isa<IntegerType>(attr.getShapedType().getElementType()))
    return failure();
  if (auto dense = llvm::dyn_cast<DenseIntElementsAttr>(attr)) {
    out.reserve(out.size() + dense.getNumElements());
    for (const APInt &value : dense.getValues<APInt>())
      out.push_back(value.getSExtValue());
    return success();
  }
  if (appendResource<int32_t, DenseI32ResourceElementsAttr>(attr, out) ||
      appendResource<int64_t, DenseI64ResourceElementsAttr>(attr, out))
    return success();
  return failure();
}

LogicalResult snnc::snn::readIntegerValues(Attribute attr,
                                           SmallVectorImpl<int64_t> &out) {
  if (auto i = llvm::dyn_cast_or_null<IntegerAttr>(attr)) {
    out.push_back(i.getInt());
    return success();
  }
  if (auto a = llvm::dyn_cast_or_null<DenseI64ArrayAttr>(attr)) {
    out.append(a.asArrayRef().begin(), a.asArrayRef().end());
    return success();
  }
  if (auto e = llvm::dyn_cast_or_null<ElementsAttr>(attr))
    return readIntegers(e, out);
  return failure();
}

ElementsAttr snnc::snn::makeF32Tensor(MLIRContext *ctx,
                                      ArrayRef<int64_t> shape,
                                      ArrayRef<double> values,
                                      bool asResource) {
  auto type = RankedTensorType::get(shape, Float32Type::get(ctx));
  SmallVector<float> narrowed(values.begin(), values.end());
  if (!asResource)
    return DenseElementsAttr::get(type, ArrayRef<float>(narrowed));
  return DenseResourceElementsAttr::get(
      type, "snn_weights",
      HeapAsmResourceBlob::allocateAndCopyInferAlign(ArrayRef<float>(narrowed)));
}
