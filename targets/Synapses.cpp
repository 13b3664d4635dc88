//===- Synapses.cpp - a connection op as its explicit synapses ------------===//

#include "targets/Synapses.h"

#include "dialects/SNN/Weights.h"

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

snnrt::ProceduralRule snnc::proceduralRuleOf(ProceduralOp op) {
  DistributionAttr dist = op.getWeight();
  ArrayRef<double> p = dist.getParams().asArrayRef();
  snnrt::ProceduralRule rule;
  rule.connector = int64_t(op.getConnector());
  rule.probability = op.getProbabilityAttr()
                         ? op.getProbabilityAttr().getValueAsDouble()
                         : 0.0;
  rule.indegree = op.getIndegree() ? *op.getIndegree() : 0;
  rule.seed = op.getSeed();
  rule.weightKind = int(dist.getKind());
  rule.w0 = p[0];
  rule.w1 = p.size() > 1 ? p[1] : 0.0;
  rule.allowAutapses = op.getAllowAutapses();
  return rule;
}

namespace {
ArrayRef<int64_t> ints(Operation *op, StringRef name) {
  return op->getAttrOfType<DenseI64ArrayAttr>(name).asArrayRef();
}

/// Output (c, oy, ox) of a 2-d window op reads input (ci, iy, ix) with
/// iy = oy stride - padding + ky dilation, as the emulator's ConvNode.
LogicalResult expandWindows(Operation *op, ArrayRef<double> kernel,
                            int64_t groups, ArrayRef<int64_t> kernelShape,
                            ArrayRef<int64_t> dilation, double scale,
                            std::vector<ExplicitSynapse> &out) {
  ArrayRef<int64_t> in = getStreamShape(op->getOperand(0).getType());
  ArrayRef<int64_t> res = getStreamShape(op->getResult(0).getType());
  if (in.size() != 3 || res.size() != 3)
    return op->emitOpError() << "is not a 2-d window over [C, H, W] streams";
  ArrayRef<int64_t> stride = ints(op, "stride"), padding = ints(op, "padding");
  int64_t cin = in[0], inH = in[1], inW = in[2];
  int64_t cout = res[0], outH = res[1], outW = res[2];
  int64_t kh = kernelShape[0], kw = kernelShape[1];
  bool depthwise = kernel.empty();
  int64_t cinPerGroup = depthwise ? 1 : cin / groups;
  int64_t coutPerGroup = depthwise ? 1 : cout / groups;
  for (int64_t oc = 0; oc < cout; ++oc) {
    int64_t g = oc / coutPerGroup;
    for (int64_t oy = 0; oy < outH; ++oy)
      for (int64_t ox = 0; ox < outW; ++ox)
        for (int64_t cl = 0; cl < cinPerGroup; ++cl)
          for (int64_t ky = 0; ky < kh; ++ky) {
            int64_t iy = oy * stride[0] - padding[0] + ky * dilation[0];
            if (iy < 0 || iy >= inH)
              continue;
            for (int64_t kx = 0; kx < kw; ++kx) {
              int64_t ix = ox * stride[1] - padding[1] + kx * dilation[1];
              if (ix < 0 || ix >= inW)
                continue;
              double w =
                  depthwise
                      ? scale
                      : kernel[size_t(((oc * cinPerGroup + cl) * kh + ky) * kw +
                                      kx)];
              if (w == 0)
                continue;
              int64_t ci = depthwise ? oc : g * cinPerGroup + cl;
              out.push_back({(ci * inH + iy) * inW + ix,
                             (oc * outH + oy) * outW + ox, w});
            }
          }
  }
  return success();
}
} // namespace

LogicalResult snnc::expandSynapses(Operation *op,
                                   std::vector<ExplicitSynapse> &out) {
  auto floats = [&](Attribute attr, SmallVector<double> &values) {
    auto elements = llvm::dyn_cast_or_null<ElementsAttr>(attr);
    return elements ? readFloats(elements, values) : failure();
  };
  if (llvm::isa<LinearOp, AffineOp>(op)) {
    SmallVector<double> w;
    if (failed(floats(op->getAttr("weight"), w)))
      return op->emitOpError() << "has weights that cannot be read";
    int64_t rows = getNumElements(op->getResult(0).getType());
    int64_t cols = getNumElements(op->getOperand(0).getType());
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        if (double v = w[size_t(r * cols + c)])
          out.push_back({c, r, v});
    return success();
  }
  if (auto sparse = llvm::dyn_cast<SparseOp>(op)) {
    SmallVector<int64_t> rows, cols;
    SmallVector<double> w;
    if (failed(readIntegers(sparse.getRows(), rows)) ||
        failed(readIntegers(sparse.getCols(), cols)) ||
        failed(floats(sparse.getWeightsAttr(), w)))
      return op->emitOpError() << "has indices or weights that cannot be read";
    if (sparse.getFormat() == SparseFormat::csr) {
      for (int64_t m = 0; m + 1 < int64_t(rows.size()); ++m)
        for (int64_t k = rows[m]; k < rows[m + 1]; ++k)
          if (w[size_t(k)])
            out.push_back({cols[size_t(k)], m, w[size_t(k)]});
    } else {
      for (size_t k = 0; k < cols.size(); ++k)
        if (w[k])
          out.push_back({cols[k], rows[k], w[k]});
    }
    return success();
  }
  if (auto proc = llvm::dyn_cast<ProceduralOp>(op)) {
    std::vector<snnrt::ProceduralSynapse> synapses;
    std::string error;
    if (!snnrt::expandProcedural(
            proceduralRuleOf(proc),
            size_t(getNumElements(op->getOperand(0).getType())),
            size_t(getNumElements(op->getResult(0).getType())), synapses,
            error))
      return op->emitOpError() << "cannot lay out its synapses: " << error;
    for (const snnrt::ProceduralSynapse &s : synapses)
      if (s.weight != 0)
        out.push_back({int64_t(s.source), int64_t(s.target), s.weight});
    return success();
  }
  if (auto conv = llvm::dyn_cast<Conv2dOp>(op)) {
    SmallVector<double> w;
    if (failed(floats(conv.getWeightAttr(), w)))
      return op->emitOpError() << "has a kernel that cannot be read";
    ArrayRef<int64_t> k =
        llvm::cast<ShapedType>(conv.getWeightAttr().getType()).getShape();
    return expandWindows(op, w, conv.getGroups(), k.drop_front(2),
                         ints(op, "dilation"), 1.0, out);
  }
  if (llvm::isa<SumPool2dOp, AvgPool2dOp>(op)) {
    ArrayRef<int64_t> k = ints(op, "kernel_size");
    double scale = llvm::isa<AvgPool2dOp>(op) ? 1.0 / double(k[0] * k[1]) : 1.0;
    int64_t ones[] = {1, 1};
    return expandWindows(op, {}, 1, k, ones, scale, out);
  }
  return op->emitOpError() << "has no explicit synapses";
}
