//===- SNNCanonicalize.cpp - folds and canonicalization patterns ----------===//
//
// Only rewrites that keep the network's meaning exactly: a scale folded into
// the columns of a following linear map, two linear maps multiplied into one,
// and a flatten that changes nothing. Plastic weights (STDP) are never merged:
// learning would act on a different matrix.
//
//===----------------------------------------------------------------------===//

#include "dialects/SNN/SNNOps.h"
#include "dialects/SNN/Weights.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace snnc::snn;

OpFoldResult FlattenOp::fold(FoldAdaptor) {
  if (getInput().getType() == getOutput().getType())
    return getInput();
  return {};
}

namespace {
bool isResource(ElementsAttr attr) {
  return llvm::isa<DenseResourceElementsAttr>(attr);
}

/// linear(scale(x, s), W) -> linear(x, W diag(s)).
struct FoldScaleIntoLinear : OpRewritePattern<LinearOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(LinearOp linear,
                                PatternRewriter &rewriter) const override {
    auto scale = linear.getInput().getDefiningOp<ScaleOp>();
    if (!scale || linear.getStdp())
      return rewriter.notifyMatchFailure(linear, "no foldable scale");
    SmallVector<double> w, s;
    if (failed(readFloats(linear.getWeight(), w)) ||
        failed(readFloats(scale.getScale(), s)))
      return rewriter.notifyMatchFailure(linear, "weights not readable");
    ArrayRef<int64_t> shape = linear.getWeight().getShapedType().getShape();
    int64_t cols = shape[1];
    for (int64_t i = 0, e = w.size(); i < e; ++i)
      w[i] *= s.size() == 1 ? s[0] : s[i % cols];
    ElementsAttr folded = makeF32Tensor(rewriter.getContext(), shape, w,
                                        isResource(linear.getWeight()));
    rewriter.modifyOpInPlace(linear, [&] {
      linear.setWeightAttr(folded);
      linear.getInputMutable().assign(scale.getInput());
    });
    return success();
  }
};

/// linear(linear(x, A), B) -> linear(x, B A) when the inner map has no other
/// user (otherwise the product would duplicate synapses).
struct MergeLinearChain : OpRewritePattern<LinearOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(LinearOp outer,
                                PatternRewriter &rewriter) const override {
    auto inner = outer.getInput().getDefiningOp<LinearOp>();
    if (!inner || inner == outer || !inner->hasOneUse() || inner.getStdp() ||
        outer.getStdp())
      return rewriter.notifyMatchFailure(outer, "no mergeable chain");
    SmallVector<double> a, b;
    if (failed(readFloats(inner.getWeight(), a)) ||
        failed(readFloats(outer.getWeight(), b)))
      return rewriter.notifyMatchFailure(outer, "weights not readable");
    ArrayRef<int64_t> aShape = inner.getWeight().getShapedType().getShape();
    ArrayRef<int64_t> bShape = outer.getWeight().getShapedType().getShape();
    int64_t m = bShape[0], k = bShape[1], n = aShape[1];
    SmallVector<double> c(m * n, 0.0);
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < k; ++j) {
        double bij = b[i * k + j];
        if (bij == 0.0)
          continue;
        for (int64_t l = 0; l < n; ++l)
          c[i * n + l] += bij * a[j * n + l];
      }
    bool resource = isResource(inner.getWeight()) || isResource(outer.getWeight());
    ElementsAttr merged =
        makeF32Tensor(rewriter.getContext(), {m, n}, c, resource);
    rewriter.modifyOpInPlace(outer, [&] {
      outer.setWeightAttr(merged);
      outer.getInputMutable().assign(inner.getInput());
    });
    rewriter.eraseOp(inner);
    return success();
  }
};
} // namespace

void LinearOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                           MLIRContext *context) {
  results.add<FoldScaleIntoLinear, MergeLinearChain>(context);
}
