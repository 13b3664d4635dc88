//===- SNNAttributes.td - attributes of the snn dialect ----*- tablegen -*-===//

#ifndef SNNC_DIALECT_SNN_ATTRIBUTES_TD
#define SNNC_DIALECT_SNN_ATTRIBUTES_TD

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "dialects/SNN/SNNEnums.td"

class SNN_Attr<string name, string attrMnemonic> : AttrDef<SNN_Dialect, name> {
  let mnemonic = attrMnemonic;
}

def SNN_QuantityAttr : SNN_Attr<"Quantity", "q"> {
  let summary = "a physical quantity, scalar or one value per neuron";
  let description = [{
    `#snn.q<20 ms>`, `#snn.q<0.02 s>` (stored as 20 ms), `#snn.q<[1, 2, 3] mV>`.
    Values are stored in the dialect's internal unit of their dimension
    (ms, mV, nA, uS, nF, um, MOhm, kHz); a written unit is converted and an
    unknown one is an error. A quantity without a unit is dimensionless.
  }];
  let parameters = (ins "::mlir::DenseF64ArrayAttr":$values,
                        EnumParameter<SNN_Dimension>:$dimension);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// A quantity with one value applies to every neuron.
    bool isScalar() const { return getValues().size() == 1; }
    size_t size() const { return getValues().size(); }
    /// The value for neuron `i`, broadcasting a scalar.
    double at(size_t i) const {
      return getValues()[isScalar() ? 0 : i];
    }
    static QuantityAttr get(::mlir::MLIRContext *ctx, ::llvm::ArrayRef<double> values,
                            Dimension dim);
  }];
}

def SNN_DistributionAttr : SNN_Attr<"Distribution", "dist"> {
  let summary = "a random distribution of a quantity";
  let description = [{
    `#snn.dist<constant(0.6)>`, `#snn.dist<uniform(-60, -50) mV>`,
    `#snn.dist<normal(-65, 5) mV>`, `#snn.dist<lognormal(-0.64, 0.51) nA>`.
    For `lognormal(mu, sigma)` the logarithm of the value in the written unit
    is normal with mean `mu` and deviation `sigma`. Parameters are stored in the
    internal unit of the dimension (for lognormal, `mu` is shifted by the log of
    the conversion factor).
  }];
  let parameters = (ins EnumParameter<SNN_DistributionKind>:$kind,
                        "::mlir::DenseF64ArrayAttr":$params,
                        EnumParameter<SNN_Dimension>:$dimension);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def SNN_StepAttr : SNN_Attr<"Step", "step"> {
  let summary = "per-step coefficients of a discretized model";
  let description = [{
    Written by `snn-discretize`: the step `dt` (ms), the integration scheme and
    the named per-step coefficients of the model, each a scalar or one value
    per neuron. Which coefficients a model needs is fixed by the model and the
    scheme and checked by the op's verifier.
    `#snn.step<dt = 0.1 ms, exact, {alpha = [0.995], gain = [0.005]}>`
  }];
  let parameters = (ins APFloatParameter<"step in ms">:$dt,
                        EnumParameter<SNN_Scheme>:$scheme,
                        "::mlir::DictionaryAttr":$coefficients);
  let hasCustomAssemblyFormat = 1;
  let extraClassDeclaration = [{
    double getDtMs() const { return getDt().convertToDouble(); }
    /// The coefficient array `name`, or an empty array when it is absent.
    ::llvm::ArrayRef<double> getCoefficient(::llvm::StringRef name) const;
  }];
}

def SNN_STDPAttr : SNN_Attr<"STDP", "stdp"> {
  let summary = "pair-based spike-timing-dependent plasticity with traces";
  let description = [{
    `#snn.stdp<a_plus = 0.01, a_minus = 0.012, tau_plus = 20 ms,
    tau_minus = 20 ms, w_min = 0, w_max = 1>`. A presynaptic spike adds 1 to
    the presynaptic trace and depresses the weight by `a_minus` times the
    postsynaptic trace; a postsynaptic spike adds 1 to the postsynaptic trace
    and potentiates by `a_plus` times the presynaptic trace; traces decay with
    `tau_plus` and `tau_minus`; weights stay in `[w_min, w_max]`.
  }];
  let parameters = (ins APFloatParameter<"">:$aPlus,
                        APFloatParameter<"">:$aMinus,
                        APFloatParameter<"ms">:$tauPlus,
                        APFloatParameter<"ms">:$tauMinus,
                        APFloatParameter<"">:$wMin,
                        APFloatParameter<"">:$wMax);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def SNN_TargetAttr : SNN_Attr<"Target", "target"> {
  let summary = "the target a module is compiled for";
  let description = [{
    Set on the module (`snn.target`) by the driver or by
    `snn-assign-target`, and read by every pass that needs a chip:
    `backend` names the registered target that emits the artifact
    (`snnc --list-targets`), `chip` the chip description the middle end
    quantizes,
    partitions, places and reports against, and `options` holds the
    target's own settings. Either may be absent, not both:
    `#snn.target<backend = "NAME", chip = "NAME">` (a chip's own target),
    `#snn.target<chip = "NAME">` (a report only),
    `#snn.target<backend = "cpu">` (no chip). Passes resolve `chip` through the chip
    registry; a name no target registered is refused there.
  }];
  let parameters = (ins OptionalParameter<"::mlir::StringAttr">:$backend,
                        OptionalParameter<"::mlir::StringAttr">:$chip,
                        OptionalParameter<"::mlir::DictionaryAttr">:$options);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The name of the module attribute that holds it.
    static constexpr ::llvm::StringLiteral kAttrName = "snn.target";
    /// The target of `op`: on the op itself or its nearest ancestor.
    static TargetAttr lookup(::mlir::Operation *op);
    /// The chip's name, empty when the target has no chip.
    ::llvm::StringRef getChipName() const {
      return getChip() ? getChip().getValue() : ::llvm::StringRef();
    }
    ::llvm::StringRef getBackendName() const {
      return getBackend() ? getBackend().getValue() : ::llvm::StringRef();
    }
  }];
}

#endif // SNNC_DIALECT_SNN_ATTRIBUTES_TD
