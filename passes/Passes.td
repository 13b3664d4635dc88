//===- Passes.td - passes over the snn dialect -------------*- tablegen -*-===//

#ifndef SNNC_PASSES_TD
#define SNNC_PASSES_TD

include "mlir/Pass/PassBase.td"

def SNNAssignTarget : Pass<"snn-assign-target", "::mlir::ModuleOp"> {
  let summary = "records the target a module is compiled for";
  let description = [{
    Sets the module's `snn.target` to `#snn.target<backend = ..., chip =
    ...>`, as `snnc --target`/`--chip` do. This is the one place a chip's
    name enters as a string: every other pass reads the attribute and
    resolves the chip through the registry of chip descriptions. An unknown
    chip is refused with the list of registered ones.
  }];
  let options = [
    Option<"backend", "backend", "std::string", /*default=*/"\"\"",
           "Registered target that emits the artifact (snnc --list-targets)">,
    Option<"chip", "chip", "std::string", /*default=*/"\"\"",
           "Registered chip description the middle end maps onto">,
  ];
}

def SNNDiscretize : Pass<"snn-discretize", "::snnc::snn::NetworkOp"> {
  let summary = "turns continuous-time parameters into per-step coefficients";
  let description = [{
    Sets the network's step `dt` and writes on every neuron population a
    `#snn.step` with the per-step coefficients of its model, on every delay
    its length in steps. Linear models (IF, LIF, LI, CubaLIF, CubaLI,
    Integrator) are integrated exactly (zero-order hold of the input over the
    step) or, with `scheme=euler`, by forward Euler as several frameworks do;
    the conductance LIF and Hodgkin-Huxley models use exponential Euler
    (Rush-Larsen for the gates). A delay that is not a whole number of steps,
    or forward Euler with `dt >= tau`, is refused with a diagnostic.
  }];
  let options = [
    Option<"dt", "dt", "double", /*default=*/"0.0",
           "Step in ms; 0 takes the network's own 'dt' attribute">,
    Option<"scheme", "scheme", "std::string", /*default=*/"\"exact\"",
           "'exact' or 'euler' (linear models and the conductance LIF)">,
  ];
  let statistics = [
    Statistic<"numPopulations", "populations", "Neuron populations discretized">,
    Statistic<"numDelays", "delays", "Delays converted to steps">,
  ];
}

def SNNResourceAnalysis : Pass<"snn-resource-analysis", "::snnc::snn::NetworkOp"> {
  let summary = "counts what a network needs on a chip and the cores it forces";
  let description = [{
    Against the description of the module's target chip (`snn.target`):
    neurons, synapses (stored,
    procedural, shared kernels), synapse memory with the chip's encoding, the
    largest fan-in of any neuron, and the lower bound on cores that the
    limits alone force (the most binding of neurons and synapse memory over
    their per-core capacity), with the chips that takes. Refuses, with a
    diagnostic naming the op, the limit and the value, a neuron model or
    connection the chip does not run, a fan-in no core can hold, and a model
    larger than the largest supported system. Energy per step and power come
    from the chip's energy figures at a mean rate of `rate` Hz or, when the
    network carries an emulator activity profile (`snn.activity = {steps,
    dt_ms, spikes, synaptic_events}`, set by `snnc --activity`), from the
    measured spikes and synaptic events per step; a profile recorded at
    another dt is refused. Power is the energy per step times `step-rate`
    steps per second (real time, one step per dt, when 0) plus the chips'
    static power. Results are attached to the network as `snn.resources`.
  }];
  let options = [
    Option<"rate", "rate", "double", /*default=*/"10.0",
           "Assumed mean firing rate of every population, in Hz">,
    Option<"stepRate", "step-rate", "double", /*default=*/"0.0",
           "Steps per second for the power figure; 0 runs in real time "
           "(one step per dt)">,
  ];
  let statistics = [
    Statistic<"numNeurons", "neurons", "Neurons">,
    Statistic<"numSynapses", "synapses", "Synapses on chip">,
    Statistic<"numCores", "cores-lower-bound", "Cores the limits force">,
  ];
}

def SNNFoldPooling : Pass<"snn-fold-pooling", "::snnc::snn::NetworkOp"> {
  let summary = "folds a pooling into the linear map that reads it";
  let description = [{
    `linear(flatten(sum_pool2d(x)), W)` becomes `linear(flatten(x), W P)`,
    P the pooling's window matrix (1 / (kh kw) for an average), and likewise
    for `affine`, when the pooling and the flatten have no other user and
    the product holds at most 2^24 weights. The meaning is unchanged; chips
    that pass only spikes between processes need it (a target's pipeline
    adds it), since a pooling's sums cannot travel to a dense layer.
  }];
  let statistics = [
    Statistic<"numFolded", "folded", "Poolings folded into a linear map">,
  ];
}

def SNNCheckQuantization
    : Pass<"snn-check-quantization", "::snnc::snn::NetworkOp"> {
  let summary = "refuses a quantization that destroys a layer";
  let description = [{
    Runs after a target's quantization and reads the error it recorded on
    each op (`snn.quant_error`). A connection that loses every one of its
    non-zero weights (`weights_zeroed` = 1), more than 25% of them
    (`weights_zeroed` > 0.25), or whose weights are off by more than 0.25 of
    its largest weight in rms (`weight_rms` > 0.25) is an error naming the
    op and the figures, unless `allow-lossy` is set (`snnc --allow-lossy`),
    which makes it a warning.
  }];
  let options = [
    Option<"allowLossy", "allow-lossy", "bool", /*default=*/"false",
           "Warn instead of failing on a lossy quantization">,
  ];
  let statistics = [
    Statistic<"numLossy", "lossy", "Ops whose quantization is lossy">,
  ];
}

def SNNShareKernels : Pass<"snn-share-kernels", "::snnc::snn::NetworkOp"> {
  let summary = "stores identical weight tensors once";
  let description = [{
    Finds connections whose weight tensors (weights, biases, kernels, scale
    factors, sparse weights) hold the same values with the same shape and
    type, inline or as resource blobs, and makes every one of them refer to a
    single attribute: repeated blocks built from one template (minicolumns,
    the same kernel in several layers) are then stored once in the IR and in
    the emitted artifact. Records the count and the bytes saved on the
    network as `snn.shared` and in statistics.
  }];
  let statistics = [
    Statistic<"numShared", "shared", "Tensors replaced by an identical one">,
    Statistic<"bytesSaved", "bytes-saved", "Bytes of tensor data no longer stored twice">,
  ];
}

def SNNPartition : Pass<"snn-partition", "::snnc::snn::NetworkOp"> {
  let summary = "splits populations into core-sized slices (METIS)";
  let description = [{
    Cuts every population into chunks (about eight per core of the lower
    bound, never more neurons than the per-core fan-in allows), builds the
    graph of synapses between chunks (local projections always; uniform
    ones while the chunk pairs are few, since any partition cuts them
    alike), and partitions it with METIS so that every core respects the
    chip's neuron, synapse-memory and fan-in limits while the synapses cut
    between cores are minimized (METIS balances on average: chunks it leaves
    on an overfull core move to cores with room; a local projection's
    border of axons counts once per run of consecutive neurons on a core);
    the number of parts grows from the lower bound until every core fits.
    Without edges between chunks the cores are filled in order. Records on each population the core of each
    chunk (`snn.cores`, `snn.chunk`) and on the network the cores used, the
    lower bound and the binding limit, and the cut against a sequential fill
    (`snn.partition`). A model no supported system holds gets a diagnostic
    with the numbers.
  }];
  let statistics = [
    Statistic<"numCores", "cores", "Cores used">,
  ];
}

def SNNPlace : Pass<"snn-place", "::snnc::snn::NetworkOp"> {
  let summary = "assigns partitioned cores to positions on the chips' meshes";
  let description = [{
    Needs `snn-partition`. Orders the cores greedily by the synapses between
    them and lays them along a snake through each chip's mesh, chip after
    chip, then swaps neighbours while the hop-weighted synapse count drops.
    Crossing to another chip costs a whole mesh's width plus height in hops.
    Records `snn.placement` on the network: the chips, the position
    (chip, x, y) of every core, and the hop-weighted synapses against cores
    left in index order.
  }];
}

#endif // SNNC_PASSES_TD
