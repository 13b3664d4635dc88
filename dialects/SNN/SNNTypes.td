//===- SNNTypes.td - stream types of the snn dialect -------*- tablegen -*-===//

#ifndef SNNC_DIALECT_SNN_TYPES_TD
#define SNNC_DIALECT_SNN_TYPES_TD

include "mlir/IR/AttrTypeBase.td"
include "dialects/SNN/SNNDialect.td"

class SNN_Type<string name, string typeMnemonic> : TypeDef<SNN_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def SNN_SpikeType : SNN_Type<"Spike", "spikes"> {
  let summary = "a stream of spikes, one tensor per timestep";
  let description = [{
    `!snn.spikes<4x8>` carries one binary spike per element and step.
    `!snn.spikes<10, graded 8>` carries graded spikes whose payload is an
    unsigned integer of the given width (a spike count or a chip's graded
    payload).
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$shape,
                        "unsigned":$payloadBits);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    int64_t getNumElements() const;
    bool isGraded() const { return getPayloadBits() != 0; }
  }];
}

def SNN_CurrentType : SNN_Type<"Current", "current"> {
  let summary = "a stream of real-valued currents or activations";
  let description = [{
    `!snn.current<10>` carries one real value per element and step: the
    synaptic input of a population, or the membrane value of a non-spiking
    neuron.
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$shape);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    int64_t getNumElements() const;
  }];
}

def SNN_AnySpikes : Type<CPred<"::llvm::isa<::snnc::snn::SpikeType>($_self)">,
                         "spike stream", "::snnc::snn::SpikeType">;
def SNN_AnyCurrent : Type<CPred<"::llvm::isa<::snnc::snn::CurrentType>($_self)">,
                          "current stream", "::snnc::snn::CurrentType">;
def SNN_Stream : AnyTypeOf<[SNN_AnySpikes, SNN_AnyCurrent], "spike or current stream">;

#endif // SNNC_DIALECT_SNN_TYPES_TD
