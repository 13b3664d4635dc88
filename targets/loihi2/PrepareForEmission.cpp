//===- PrepareForEmission.cpp - Loihi 2 formats laid out for the emitter --===//
//
// The first of emission's two phases: every rewrite the Lava JSON needs
// happens here, on the #loihi2.format of each op, so that the emitter only
// reads the IR and prints it.
//
//===----------------------------------------------------------------------===//

#include "targets/loihi2/Passes.h"

#include "dialects/SNN/Weights.h"
#include "targets/Synapses.h"

#include "snnrt/Loihi2.h"
#include "snnrt/Procedural.h"

#include "mlir/IR/Builders.h"

#define DEBUG_TYPE "loihi2-prepare-for-emission"

namespace snnc::loihi2 {
#define GEN_PASS_DEF_LOIHI2PREPAREFOREMISSION
#include "targets/loihi2/Passes.h.inc"
} // namespace snnc::loihi2

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;
using snnc::loihi2::FormatAttr;
namespace lo = snnrt::loihi2;

namespace {
/// A 1-D tensor of integers of the given width.
DenseElementsAttr intTensor(Builder &b, ArrayRef<int64_t> shape,
                            ArrayRef<int64_t> values, unsigned width) {
  auto type = RankedTensorType::get(shape, b.getIntegerType(width));
  SmallVector<APInt> ints;
  ints.reserve(values.size());
  for (int64_t v : values)
    ints.push_back(APInt(width, uint64_t(v), /*isSigned=*/true));
  return DenseElementsAttr::get(type, ints);
}

struct Loihi2PrepareForEmissionPass
    : public snnc::loihi2::impl::Loihi2PrepareForEmissionBase<
          Loihi2PrepareForEmissionPass> {
  using Base::Base;
  void runOnOperation() override;

private:
  LogicalResult layOutKernel(Operation *op, NamedAttrList &fields);
  LogicalResult layOutSparse(SparseOp op, NamedAttrList &fields);
  LogicalResult layOutProcedural(ProceduralOp op, NamedAttrList &fields);
};

/// Our tensors are (C, H, W) with a PyTorch (correlation) kernel
/// [Cout, Cin/g, Kh, Kw]; Lava's are (W, H, C) with a convolution kernel
/// (Cout, Kw, Kh, Cin/g): w_lava[o][x][y][i] = w[o][i][Kh-1-y][Kw-1-x].
LogicalResult
Loihi2PrepareForEmissionPass::layOutKernel(Operation *op,
                                           NamedAttrList &fields) {
  auto kernel = llvm::dyn_cast_or_null<ElementsAttr>(fields.get("weights"));
  if (!kernel || kernel.getShapedType().getRank() != 4)
    return op->emitOpError() << "has no 4-D Loihi 2 kernel to lay out";
  ArrayRef<int64_t> k = kernel.getShapedType().getShape();
  int64_t co = k[0], ci = k[1], kh = k[2], kw = k[3];
  SmallVector<int64_t> w, lava;
  if (failed(readIntegers(kernel, w)))
    return op->emitOpError() << "has a Loihi 2 kernel that cannot be read";
  lava.reserve(w.size());
  for (int64_t o = 0; o < co; ++o)
    for (int64_t x = 0; x < kw; ++x)
      for (int64_t y = 0; y < kh; ++y)
        for (int64_t i = 0; i < ci; ++i)
          lava.push_back(
              w[((o * ci + i) * kh + (kh - 1 - y)) * kw + (kw - 1 - x)]);
  Builder b(op->getContext());
  fields.erase("weights");
  fields.set("lava_weight", intTensor(b, {co, kw, kh, ci}, lava, 16));
  ++numKernels;
  return success();
}

/// A CSR connection's row of every synapse (COO has them already).
LogicalResult Loihi2PrepareForEmissionPass::layOutSparse(SparseOp op,
                                                         NamedAttrList &fields) {
  SmallVector<int64_t> rowIdx, colIdx;
  if (failed(readIntegers(op.getRows(), rowIdx)) ||
      failed(readIntegers(op.getCols(), colIdx)))
    return op->emitOpError() << "has indices that cannot be read";
  SmallVector<int64_t> rows;
  if (op.getFormat() == SparseFormat::csr) {
    for (int64_t m = 0; m + 1 < int64_t(rowIdx.size()); ++m)
      for (int64_t k = rowIdx[m]; k < rowIdx[m + 1]; ++k)
        rows.push_back(m);
  } else {
    rows = rowIdx;
  }
  Builder b(op->getContext());
  int64_t nnz = int64_t(colIdx.size());
  fields.set("rows", intTensor(b, {nnz}, rows, 32));
  fields.set("cols", intTensor(b, {nnz}, colIdx, 32));
  return success();
}

/// The synapses a procedural connection's seed gives, in the order the
/// runtime lays them out, with the nearest prepared mantissa of each weight.
LogicalResult
Loihi2PrepareForEmissionPass::layOutProcedural(ProceduralOp op,
                                               NamedAttrList &fields) {
  auto scale = llvm::dyn_cast_or_null<FloatAttr>(fields.get("weight_scale"));
  auto signName = llvm::dyn_cast_or_null<StringAttr>(fields.get("sign_mode"));
  lo::SignMode sign = lo::SignMode::Mixed;
  if (!scale || !signName || !lo::parseSignMode(signName.str(), sign))
    return op->emitOpError()
           << "has no Loihi 2 weight_scale and sign_mode to round with";
  int64_t cols = getNumElements(op->getOperand(0).getType());
  int64_t rows = getNumElements(op->getResult(0).getType());
  std::vector<snnrt::ProceduralSynapse> synapses;
  std::string error;
  if (!snnrt::expandProcedural(proceduralRuleOf(op), size_t(cols),
                               size_t(rows), synapses, error))
    return op->emitOpError() << "cannot lay out its synapses: " << error;
  SmallVector<int64_t> r, c, w;
  r.reserve(synapses.size());
  c.reserve(synapses.size());
  w.reserve(synapses.size());
  double perNA = scale.getValueAsDouble();
  for (const snnrt::ProceduralSynapse &s : synapses) {
    r.push_back(s.target);
    c.push_back(s.source);
    w.push_back(lo::nearestMantissa(s.weight * perNA, sign));
  }
  Builder b(op->getContext());
  int64_t nnz = int64_t(synapses.size());
  fields.set("rows", intTensor(b, {nnz}, r, 32));
  fields.set("cols", intTensor(b, {nnz}, c, 32));
  fields.set("weights", intTensor(b, {nnz}, w, 16));
  numExpanded += uint64_t(nnz);
  return success();
}

void Loihi2PrepareForEmissionPass::runOnOperation() {
  bool failedAny = false;
  for (Operation &op : getOperation().getBodyBlock()) {
    FormatAttr format = snnc::loihi2::getFormat(&op);
    if (!format || !llvm::isa<Conv2dOp, SumPool2dOp, AvgPool2dOp, SparseOp,
                              ProceduralOp>(op))
      continue;
    NamedAttrList fields(format.getFields());
    LogicalResult ok = success();
    if (auto sparse = llvm::dyn_cast<SparseOp>(op))
      ok = layOutSparse(sparse, fields);
    else if (auto proc = llvm::dyn_cast<ProceduralOp>(op))
      ok = layOutProcedural(proc, fields);
    else
      ok = layOutKernel(&op, fields);
    if (failed(ok)) {
      failedAny = true;
      continue;
    }
    op.setAttr("snn.quant",
               FormatAttr::get(&getContext(),
                               fields.getDictionary(&getContext())));
  }
  if (failedAny)
    signalPassFailure();
}
} // namespace
