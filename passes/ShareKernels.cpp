//===- ShareKernels.cpp - store identical weight tensors once -------------===//
//
// Inline dense tensors are already uniqued by MLIR (one attribute per
// value), but every dense_resource blob is its own object, and an inline
// and a blob copy of the same values are different attributes. This pass
// groups tensors by their values and points every member at the group's
// first tensor.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialects/SNN/Weights.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/Support/Debug.h"

#include <map>

#define DEBUG_TYPE "snn-share-kernels"

namespace snnc {
#define GEN_PASS_DEF_SNNSHAREKERNELS
#include "passes/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {
/// The values of a tensor attribute, for comparing tensors by content.
struct TensorKey {
  Type type;
  std::vector<double> values;
  bool operator<(const TensorKey &other) const {
    if (type != other.type)
      return type.getAsOpaquePointer() < other.type.getAsOpaquePointer();
    return values < other.values;
  }
};

/// Names of the attributes that hold weights, per op.
SmallVector<StringRef> tensorAttrs(Operation *op) {
  if (llvm::isa<LinearOp>(op))
    return {"weight"};
  if (llvm::isa<AffineOp, Conv1dOp, Conv2dOp>(op))
    return {"weight", "bias"};
  if (llvm::isa<ScaleOp>(op))
    return {"scale"};
  if (llvm::isa<SparseOp>(op))
    return {"weights"};
  return {};
}

int64_t byteSize(ElementsAttr attr) {
  Type element = attr.getShapedType().getElementType();
  return attr.getNumElements() * ((element.getIntOrFloatBitWidth() + 7) / 8);
}

struct SNNShareKernelsPass
    : public snnc::impl::SNNShareKernelsBase<SNNShareKernelsPass> {
  void runOnOperation() override {
    NetworkOp network = getOperation();
    {
      // Keyed by type and values; the first tensor seen (program order)
      // becomes the shared one, so the result is deterministic.
      std::map<TensorKey, ElementsAttr> canonical;
      int64_t shared = 0, saved = 0;
      for (Operation &op : network.getBodyBlock()) {
        for (StringRef name : tensorAttrs(&op)) {
          auto attr = op.getAttrOfType<ElementsAttr>(name);
          if (!attr)
            continue;
          SmallVector<double> values;
          if (failed(readFloats(attr, values)))
            continue; // an unloaded blob cannot be compared
          TensorKey key{attr.getShapedType(),
                        std::vector<double>(values.begin(), values.end())};
          auto [it, inserted] = canonical.try_emplace(key, attr);
          if (inserted || it->second == attr)
            continue;
          op.setAttr(name, it->second);
          ++shared;
          saved += byteSize(attr);
        }
      }
      Builder b(&getContext());
      network->setAttr("snn.shared",
                       b.getDictionaryAttr(
                           {b.getNamedAttr("tensors", b.getI64IntegerAttr(shared)),
                            b.getNamedAttr("bytes_saved",
                                           b.getI64IntegerAttr(saved))}));
      numShared += shared;
      bytesSaved += saved;
      LLVM_DEBUG(llvm::dbgs() << network.getSymName() << ": " << shared
                              << " tensors shared, " << saved
                              << " bytes saved\n");
    }
  }
};
} // namespace
