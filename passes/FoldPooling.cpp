//===- FoldPooling.cpp - a pooling folded into the linear map reading it --===//
//
// Chips that send only spikes between processes (Loihi 2) have no process
// for a pooling whose window sums go straight into a Dense layer: the two
// connections become one matrix, W P. The network's meaning is unchanged;
// the product stores more weights than the two factors, so this runs only
// in the mapping pipeline of such chips, not as a canonicalization.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialects/SNN/Weights.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace snnc {
#define GEN_PASS_DEF_SNNFOLDPOOLING
#include "passes/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {
bool isResource(ElementsAttr attr) {
  return llvm::isa<DenseResourceElementsAttr>(attr);
}

/// linear(flatten(pool(x)), W) -> linear(flatten(x), W P), P the pooling's
/// 0/1 (or 1 / (kh kw)) matrix, when the pooling and the flatten have no
/// other user; likewise for affine. Not done when the product would exceed
/// kMaxElements weights.
template <typename OpTy>
struct FoldPoolIntoLinear : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  static constexpr int64_t kMaxElements = int64_t(1) << 24;

  LogicalResult matchAndRewrite(OpTy outer,
                                PatternRewriter &rewriter) const override {
    Value in = outer.getInput();
    Operation *flatten = in.getDefiningOp<FlattenOp>();
    if (flatten) {
      if (!flatten->hasOneUse())
        return rewriter.notifyMatchFailure(outer, "flatten has other users");
      in = flatten->getOperand(0);
    }
    Operation *pool = in.getDefiningOp();
    if (!pool || !llvm::isa<SumPool2dOp, AvgPool2dOp>(pool) ||
        !pool->hasOneUse() || outer.getStdp())
      return rewriter.notifyMatchFailure(outer, "no foldable pooling");
    ArrayRef<int64_t> k =
        pool->getAttrOfType<DenseI64ArrayAttr>("kernel_size").asArrayRef();
    ArrayRef<int64_t> st =
        pool->getAttrOfType<DenseI64ArrayAttr>("stride").asArrayRef();
    ArrayRef<int64_t> pad =
        pool->getAttrOfType<DenseI64ArrayAttr>("padding").asArrayRef();
    ArrayRef<int64_t> src = getStreamShape(pool->getOperand(0).getType());
    ArrayRef<int64_t> dst = getStreamShape(pool->getResult(0).getType());
    int64_t c = src[0], h = src[1], w = src[2], oh = dst[1], ow = dst[2];
    ArrayRef<int64_t> shape = outer.getWeight().getShapedType().getShape();
    int64_t m = shape[0], n = c * h * w;
    if (m * n > kMaxElements)
      return rewriter.notifyMatchFailure(outer, "product too large");
    SmallVector<double> b;
    if (failed(readFloats(outer.getWeight(), b)))
      return rewriter.notifyMatchFailure(outer, "weights not readable");
    double share = llvm::isa<AvgPool2dOp>(pool) ? 1.0 / double(k[0] * k[1])
                                                : 1.0;
    SmallVector<double> out(m * n, 0.0);
    for (int64_t ch = 0; ch < c; ++ch)
      for (int64_t y = 0; y < oh; ++y)
        for (int64_t x = 0; x < ow; ++x) {
          int64_t j = (ch * oh + y) * ow + x;
          for (int64_t dy = 0; dy < k[0]; ++dy)
            for (int64_t dx = 0; dx < k[1]; ++dx) {
              int64_t iy = y * st[0] + dy - pad[0];
              int64_t ix = x * st[1] + dx - pad[1];
              if (iy < 0 || iy >= h || ix < 0 || ix >= w)
                continue;
              int64_t l = (ch * h + iy) * w + ix;
              for (int64_t i = 0; i < m; ++i)
                out[i * n + l] += b[i * shape[1] + j] * share;
            }
        }
    ElementsAttr folded = makeF32Tensor(rewriter.getContext(), {m, n}, out,
                                        isResource(outer.getWeight()));
    // The linear map reads a flat stream: flatten the pooling's input.
    Value input = pool->getOperand(0);
    Type flatType;
    if (auto spikes = llvm::dyn_cast<SpikeType>(input.getType()))
      flatType = SpikeType::get(rewriter.getContext(), {n},
                                spikes.getPayloadBits());
    else
      flatType = CurrentType::get(rewriter.getContext(), {n});
    rewriter.setInsertionPoint(outer);
    input = rewriter.create<FlattenOp>(pool->getLoc(), flatType, input,
                                       rewriter.getI64IntegerAttr(0),
                                       rewriter.getI64IntegerAttr(-1));
    rewriter.modifyOpInPlace(outer, [&] {
      outer.setWeightAttr(folded);
      outer.getInputMutable().assign(input);
    });
    if (flatten)
      rewriter.eraseOp(flatten);
    rewriter.eraseOp(pool);
    return success();
  }
};

struct SNNFoldPoolingPass
    : public snnc::impl::SNNFoldPoolingBase<SNNFoldPoolingPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldPoolIntoLinear<LinearOp>, FoldPoolIntoLinear<AffineOp>>(
        &getContext());
    // Count what folds: the pools present before and after.
    auto countPools = [&] {
      int64_t n = 0;
      getOperation().walk([&](Operation *op) {
        n += llvm::isa<SumPool2dOp, AvgPool2dOp>(op) ? 1 : 0;
      });
      return n;
    };
    int64_t before = countPools();
    if (failed(applyPatternsAndFoldGreedily(getOperation(),
                                            std::move(patterns))))
      return signalPassFailure();
    numFolded += uint64_t(before - countPools());
  }
};
} // namespace
