//===- SNNInterfaces.td - interfaces of the snn dialect ----*- tablegen -*-===//

#ifndef SNNC_DIALECT_SNN_INTERFACES_TD
#define SNNC_DIALECT_SNN_INTERFACES_TD

include "mlir/IR/OpBase.td"

def SNN_NeuronOpInterface : OpInterface<"NeuronOpInterface"> {
  let cppNamespace = "::snnc::snn";
  let description = [{
    A population of neurons of one model. The model table names its
    parameters with their dimension and range, its state variables and
    whether it spikes; verifiers, passes and lowerings read it instead of
    switching on op kinds.
  }];
  let methods = [
    InterfaceMethod<"the table describing this op's neuron model",
      "const ::snnc::snn::NeuronModel &", "getModel", (ins), [{
        return ConcreteOp::getNeuronModel();
      }]>,
    InterfaceMethod<"number of neurons in the population", "int64_t",
      "getNumNeurons", (ins), [{
        return ::snnc::snn::getNumElements($_op->getResult(0).getType());
      }]>,
  ];
}

#endif // SNNC_DIALECT_SNN_INTERFACES_TD
