//===- SNNOps.td - operations of the snn dialect -----------*- tablegen -*-===//

#ifndef SNNC_DIALECT_SNN_OPS_TD
#define SNNC_DIALECT_SNN_OPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "dialects/SNN/SNNTypes.td"
include "dialects/SNN/SNNAttributes.td"
include "dialects/SNN/SNNInterfaces.td"

def SNN_Quantity : Attr<CPred<"::llvm::isa<::snnc::snn::QuantityAttr>($_self)">,
                        "physical quantity"> {
  let storageType = "::snnc::snn::QuantityAttr";
  let returnType = "::snnc::snn::QuantityAttr";
  let convertFromStorage = "$_self";
}
def SNN_InitValue : AnyAttrOf<[SNN_Quantity, SNN_DistributionAttr]>;
def SNN_Tensor : Attr<CPred<"::llvm::isa<::mlir::ElementsAttr>($_self)">,
                       "inline or resource tensor"> {
  let storageType = "::mlir::ElementsAttr";
  let returnType = "::mlir::ElementsAttr";
  let convertFromStorage = "$_self";
}

//===----------------------------------------------------------------------===//
// Network structure
//===----------------------------------------------------------------------===//

def SNN_NetworkOp : SNN_Op<"network", [
    IsolatedFromAbove, Symbol, FunctionOpInterface, SingleBlock,
    DeclareOpInterfaceMethods<RegionKindInterface>]> {
  let summary = "a spiking network: a graph of populations and connections";
  let description = [{
    The body is a graph region: values may be used before they are defined,
    so recurrent connections are written directly. Block arguments are the
    network's input streams; `snn.output` names its output streams. Every
    cycle must pass through a neuron population or a delay (an instantaneous
    loop of connections has no meaning). `dt`, once set by `snn-discretize`,
    is the step in ms.

    ```mlir
    snn.network @net(%in: !snn.spikes<784>) -> !snn.spikes<10> {
      %i = snn.linear %in {weight = dense<...> : tensor<10x784xf32>}
          : !snn.spikes<784> -> !snn.current<10>
      %s = snn.lif(%i) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>}
          : (!snn.current<10>) -> !snn.spikes<10>
      snn.output %s : !snn.spikes<10>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs,
                       OptionalAttr<SNN_Quantity>:$dt);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
    //===------------------------------------------------------------------===//
    // FunctionOpInterface
    //===------------------------------------------------------------------===//
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() {
      return getFunctionType().getInputs();
    }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() {
      return getFunctionType().getResults();
    }
    ::mlir::Region *getCallableRegion() { return &getBody(); }
  }];
}

def SNN_OutputOp : SNN_Op<"output", [Terminator, HasParent<"NetworkOp">, Pure]> {
  let summary = "the output streams of a network";
  let arguments = (ins Variadic<SNN_Stream>:$outputs);
  let assemblyFormat = "attr-dict ($outputs^ `:` qualified(type($outputs)))?";
  let hasVerifier = 1;
}

def SNN_ProbeOp : SNN_Op<"probe", [HasParent<"NetworkOp">]> {
  let summary = "records a stream or a neuron state variable";
  let description = [{
    `snn.probe "spikes" %s : !snn.spikes<10>` records the stream `%s`;
    `snn.probe "v" %s {state = "v"} : !snn.spikes<10>` records the state
    variable `v` of the population that defines `%s`.
  }];
  let arguments = (ins StrAttr:$name, SNN_Stream:$source,
                       OptionalAttr<StrAttr>:$state);
  let assemblyFormat = "$name $source attr-dict `:` qualified(type($source))";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Neuron populations
//===----------------------------------------------------------------------===//

class SNN_NeuronOp<string mnemonic, dag params,
                   string resultKind = "spikes", list<Trait> traits = []>
    : SNN_Op<mnemonic, !listconcat(traits, [
          DeclareOpInterfaceMethods<SNN_NeuronOpInterface>])> {
  let arguments = !con((ins Variadic<SNN_Stream>:$inputs), params,
      (ins OptionalAttr<DictionaryAttr>:$init,
           OptionalAttr<I64Attr>:$seed,
           OptionalAttr<SNN_StepAttr>:$step));
  let results = (outs !if(!eq(resultKind, "spikes"), SNN_AnySpikes,
                          SNN_AnyCurrent):$output);
  let assemblyFormat = [{
    `(` $inputs `)` attr-dict `:` functional-type($inputs, $output)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    static const ::snnc::snn::NeuronModel &getNeuronModel();
  }];
}

defvar SpikeControl = (ins OptionalAttr<SNN_ResetModeAttr>:$reset,
                           OptionalAttr<SNN_Quantity>:$refractory);

def SNN_IFOp : SNN_NeuronOp<"if", !con((ins
    OptionalAttr<SNN_Quantity>:$tau, OptionalAttr<SNN_Quantity>:$r,
    SNN_Quantity:$v_threshold, OptionalAttr<SNN_Quantity>:$v_reset,
    OptionalAttr<SNN_Quantity>:$bias), SpikeControl)> {
  let summary = "integrate-and-fire population";
  let description = [{
    `tau dv/dt = r (I + bias)`; a spike when `v > v_threshold`, then reset.
    `tau` defaults to 1 ms (NIR's `v' = R I`), `r` to 1 MOhm, `v_reset` to 0.
  }];
}

def SNN_LIFOp : SNN_NeuronOp<"lif", !con((ins
    SNN_Quantity:$tau, OptionalAttr<SNN_Quantity>:$r,
    OptionalAttr<SNN_Quantity>:$v_leak, SNN_Quantity:$v_threshold,
    OptionalAttr<SNN_Quantity>:$v_reset, OptionalAttr<SNN_Quantity>:$bias),
    SpikeControl)> {
  let summary = "leaky integrate-and-fire population";
  let description = [{
    `tau dv/dt = (v_leak - v) + r (I + bias)`; a spike when
    `v > v_threshold`, then reset.
  }];
}

def SNN_CubaLIFOp : SNN_NeuronOp<"cuba_lif", !con((ins
    SNN_Quantity:$tau_syn, SNN_Quantity:$tau_mem,
    OptionalAttr<SNN_Quantity>:$r, OptionalAttr<SNN_Quantity>:$v_leak,
    SNN_Quantity:$v_threshold, OptionalAttr<SNN_Quantity>:$v_reset,
    OptionalAttr<SNN_Quantity>:$w_in, OptionalAttr<SNN_Quantity>:$bias),
    SpikeControl)> {
  let summary = "current-based leaky integrate-and-fire population";
  let description = [{
    `tau_syn di/dt = -i + w_in S`, `tau_mem dv/dt = (v_leak - v) + r (i + bias)`;
    a spike when `v > v_threshold`, then reset.
  }];
}

def SNN_LIOp : SNN_NeuronOp<"li", (ins
    SNN_Quantity:$tau, OptionalAttr<SNN_Quantity>:$r,
    OptionalAttr<SNN_Quantity>:$v_leak, OptionalAttr<SNN_Quantity>:$bias),
    "current"> {
  let summary = "leaky integrator population (outputs its membrane value)";
  let description = [{ `tau dv/dt = (v_leak - v) + r (I + bias)`; output `v`. }];
}

def SNN_CubaLIOp : SNN_NeuronOp<"cuba_li", (ins
    SNN_Quantity:$tau_syn, SNN_Quantity:$tau_mem,
    OptionalAttr<SNN_Quantity>:$r, OptionalAttr<SNN_Quantity>:$v_leak,
    OptionalAttr<SNN_Quantity>:$w_in, OptionalAttr<SNN_Quantity>:$bias),
    "current"> {
  let summary = "current-based leaky integrator population";
  let description = [{
    `tau_syn di/dt = -i + w_in S`, `tau_mem dv/dt = (v_leak - v) + r (i + bias)`;
    output `v`.
  }];
}

def SNN_IntegratorOp : SNN_NeuronOp<"integrator", (ins
    OptionalAttr<SNN_Quantity>:$tau, OptionalAttr<SNN_Quantity>:$r,
    OptionalAttr<SNN_Quantity>:$bias), "current"> {
  let summary = "integrator population (NIR `I`)";
  let description = [{ `tau dv/dt = r (I + bias)`; output `v`. }];
}

def SNN_ThresholdOp : SNN_NeuronOp<"threshold", (ins
    SNN_Quantity:$v_threshold)> {
  let summary = "memoryless threshold: a spike where the input exceeds it";
  let description = [{ `s = [I > v_threshold]`, with `I` read in mV. }];
}

def SNN_CondLIFOp : SNN_NeuronOp<"cond_lif", !con((ins
    SNN_Quantity:$c_m, SNN_Quantity:$g_leak, SNN_Quantity:$e_leak,
    SNN_Quantity:$v_threshold, OptionalAttr<SNN_Quantity>:$v_reset,
    SNN_Quantity:$tau_syn, SNN_Quantity:$e_rev,
    DenseI64ArrayAttr:$input_channels, OptionalAttr<SNN_Quantity>:$bias),
    SpikeControl)> {
  let summary = "conductance-based LIF with exponential synapses";
  let description = [{
    `c_m dv/dt = -g_leak (v - e_leak) - sum_k g_k (v - e_rev[k]) + bias`,
    `tau_syn[k] dg_k/dt = -g_k`. Each input adds its value (uS) to the
    conductance of the channel `input_channels[i]`. `tau_syn` and `e_rev`
    hold one value per channel.
  }];
}

def SNN_HHOp : SNN_NeuronOp<"hh", (ins
    SNN_Quantity:$c_m, SNN_Quantity:$g_na, SNN_Quantity:$g_k,
    SNN_Quantity:$g_leak, SNN_Quantity:$e_na, SNN_Quantity:$e_k,
    SNN_Quantity:$e_leak, SNN_Quantity:$v_threshold,
    OptionalAttr<SNN_Quantity>:$bias)> {
  let summary = "Hodgkin-Huxley population";
  let description = [{
    `c_m dv/dt = -g_na m^3 h (v - e_na) - g_k n^4 (v - e_k)
    - g_leak (v - e_leak) + I + bias`, `dx/dt = alpha_x(v)(1 - x) - beta_x(v) x`
    for `x` in `m, h, n` (rates in 1/ms, the classic 1952 fits with rest at
    -65 mV). A spike is emitted when `v` crosses `v_threshold` upwards.
  }];
}

def SNN_SFNOp : SNN_NeuronOp<"sfn", !con((ins
    SNN_Quantity:$v_threshold, OptionalAttr<SNN_Quantity>:$r,
    I64Attr:$levels, OptionalAttr<SNN_Quantity>:$bias),
    SpikeControl)> {
  let summary = "scale-and-fire neuron: T steps of IF in one";
  let description = [{
    One step of an SFN with `levels = T` equals `T` steps of an IF neuron with
    reset by subtraction under the same constant input `r (I + bias)`: the
    output is a graded spike carrying the spike count `0..T`.
  }];
}

def SNN_QReLUOp : SNN_NeuronOp<"qrelu", (ins
    SNN_Quantity:$v_step, OptionalAttr<SNN_Quantity>:$v_threshold,
    I64Attr:$bits)> {
  let summary = "quantized ReLU: a memoryless multi-bit activation";
  let description = [{
    `y = min(2^bits - 1, max(0, floor((I - v_threshold) / v_step)))`, with `I`
    read in mV like `snn.threshold`, emitted as a graded spike of `bits`
    bits where `y > 0` (no spike where it is 0). `v_threshold` defaults to
    0 mV. A rounding quantizer is the same op with `v_threshold = -v_step/2`.
  }];
}

//===----------------------------------------------------------------------===//
// Connections
//===----------------------------------------------------------------------===//

class SNN_ConnOp<string mnemonic, list<Trait> traits = []>
    : SNN_Op<mnemonic, !listconcat(traits, [Pure])> {
  let results = (outs SNN_Stream:$output);
  let assemblyFormat = [{
    $input attr-dict `:` qualified(type($input)) `->` qualified(type($output))
  }];
  let hasVerifier = 1;
}

def SNN_LinearOp : SNN_ConnOp<"linear"> {
  let summary = "dense synapses: y = W x";
  let description = [{
    `weight` is `[M, N]`; the input has `N` elements. `weight_bits`, on
    every weighted connection, records that the weights were trained
    quantized: each output channel's weights are `k s` for one step `s`
    and integers `|k| <= 2^(bits-1) - 1` (`k = +-1` for one bit).
  }];
  let arguments = (ins SNN_Stream:$input, SNN_Tensor:$weight,
                       OptionalAttr<SNN_STDPAttr>:$stdp,
                       OptionalAttr<I64Attr>:$weight_bits);
  let hasCanonicalizer = 1;
}

def SNN_AffineOp : SNN_ConnOp<"affine"> {
  let summary = "dense synapses with bias: y = W x + b";
  let arguments = (ins SNN_Stream:$input, SNN_Tensor:$weight,
                       SNN_Tensor:$bias, OptionalAttr<SNN_STDPAttr>:$stdp,
                       OptionalAttr<I64Attr>:$weight_bits);
}

def SNN_Conv1dOp : SNN_ConnOp<"conv1d"> {
  let summary = "1-d convolution with a shared kernel (PyTorch semantics)";
  let description = [{
    Input `[Cin, L]`, weight `[Cout, Cin/groups, K]`, output `[Cout, L']`
    with `L' = (L + p0 + p1 - d (K - 1) - 1) / s + 1`; `padding` is `[p]` or
    `[p0, p1]` (before, after).
  }];
  let arguments = (ins SNN_Stream:$input, SNN_Tensor:$weight,
                       OptionalAttr<SNN_Tensor>:$bias,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilation, I64Attr:$groups,
                       OptionalAttr<I64Attr>:$weight_bits);
}

def SNN_Conv2dOp : SNN_ConnOp<"conv2d"> {
  let summary = "2-d convolution with a shared kernel (PyTorch semantics)";
  let description = [{
    Input `[Cin, H, W]`, weight `[Cout, Cin/groups, Kh, Kw]`, output
    `[Cout, H', W']` with `H' = (H + p0 + p1 - d (K - 1) - 1) / s + 1` per
    axis. `padding` is one value per axis (`p0 = p1`) or four, all befores
    then all afters: `[top, left, bottom, right]` (TensorFlow's "same" with
    stride 2 on an even size pads 0 before and 1 after).
  }];
  let arguments = (ins SNN_Stream:$input, SNN_Tensor:$weight,
                       OptionalAttr<SNN_Tensor>:$bias,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilation, I64Attr:$groups,
                       OptionalAttr<I64Attr>:$weight_bits);
}

class SNN_Pool2dOp<string mnemonic, string what> : SNN_ConnOp<mnemonic> {
  let summary = "2-d " # what # " pooling over each channel";
  let description = [{
    Input `[C, H, W]`, output `[C, H', W']` with
    `H' = (H + p0 + p1 - k) / s + 1` per axis; `padding` as for `conv2d`.
  }];
  let arguments = (ins SNN_Stream:$input, DenseI64ArrayAttr:$kernel_size,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
}
def SNN_SumPool2dOp : SNN_Pool2dOp<"sum_pool2d", "sum">;
def SNN_MaxPool2dOp : SNN_ConnOp<"max_pool2d"> {
  let summary = "2-d max pooling over each channel, keeping the stream kind";
  let description = [{
    Input `[C, H, W]`, output `[C, H', W']` as for the other poolings.
    Spikes stay spikes: a window spikes if any of its elements does, with
    the largest payload of a graded stream; currents give the largest value
    of the window's elements. Padded positions take part in no window.
  }];
  let arguments = (ins SNN_Stream:$input, DenseI64ArrayAttr:$kernel_size,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
}
def SNN_AvgPool2dOp : SNN_Pool2dOp<"avg_pool2d", "average">;

def SNN_FlattenOp : SNN_ConnOp<"flatten"> {
  let summary = "merges the dimensions start_dim..end_dim into one";
  let description = [{
    Keeps the stream kind (spikes stay spikes). Negative dimensions count
    from the end.
  }];
  let arguments = (ins SNN_Stream:$input,
                       DefaultValuedAttr<I64Attr, "0">:$start_dim,
                       DefaultValuedAttr<I64Attr, "-1">:$end_dim);
  let hasFolder = 1;
}

def SNN_ScaleOp : SNN_ConnOp<"scale"> {
  let summary = "element-wise gain: y = s * x";
  let description = [{ `scale` has one element or the input's shape. }];
  let arguments = (ins SNN_Stream:$input, SNN_Tensor:$scale);
}

def SNN_DelayOp : SNN_ConnOp<"delay"> {
  let summary = "delays a stream: y(t) = x(t - delay)";
  let description = [{
    `delay` is a time, one value or one per element. Keeps the stream kind.
    `snn-discretize` writes `steps`, the delay in whole steps.
  }];
  let arguments = (ins SNN_Stream:$input, SNN_Quantity:$delay,
                       OptionalAttr<DenseI64ArrayAttr>:$steps);
}

def SNN_SparseOp : SNN_ConnOp<"sparse"> {
  let summary = "explicit sparse synapses in CSR or COO form";
  let description = [{
    CSR: `rows` holds `M + 1` row offsets, `cols` and `weights` one entry per
    synapse. COO: `rows`, `cols` and `weights` each hold one entry per synapse.
    Row `m` is the target neuron, column `n` the source.
  }];
  let arguments = (ins SNN_Stream:$input, SNN_SparseFormatAttr:$format,
                       SNN_Tensor:$rows, SNN_Tensor:$cols,
                       SNN_Tensor:$weights, OptionalAttr<SNN_STDPAttr>:$stdp);
}

def SNN_ProceduralOp : SNN_ConnOp<"procedural"> {
  let summary = "synapses generated from a rule and a seed, never stored";
  let description = [{
    `fixed_probability` connects each pair with `probability`;
    `fixed_indegree` draws `indegree` distinct sources per target;
    `one_to_one` connects source `i` to target `i`. Weights are drawn from
    `weight`. `allow_autapses = false` (for a population onto itself)
    excludes `i -> i`.
  }];
  let arguments = (ins SNN_Stream:$input, SNN_ConnectorAttr:$connector,
                       OptionalAttr<F64Attr>:$probability,
                       OptionalAttr<I64Attr>:$indegree,
                       I64Attr:$seed, SNN_DistributionAttr:$weight,
                       DefaultValuedAttr<BoolAttr, "true">:$allow_autapses);
}

#endif // SNNC_DIALECT_SNN_OPS_TD
