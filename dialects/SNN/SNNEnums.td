//===- SNNEnums.td - enumerations of the snn dialect -------*- tablegen -*-===//

#ifndef SNNC_DIALECT_SNN_ENUMS_TD
#define SNNC_DIALECT_SNN_ENUMS_TD

include "mlir/IR/EnumAttr.td"
include "dialects/SNN/SNNDialect.td"

def SNN_Dimension : I32EnumAttr<"Dimension", "physical dimension of a quantity", [
    I32EnumAttrCase<"dimensionless", 0>,
    I32EnumAttrCase<"time", 1>,
    I32EnumAttrCase<"voltage", 2>,
    I32EnumAttrCase<"current", 3>,
    I32EnumAttrCase<"conductance", 4>,
    I32EnumAttrCase<"capacitance", 5>,
    I32EnumAttrCase<"length", 6>,
    I32EnumAttrCase<"resistance", 7>,
    I32EnumAttrCase<"rate", 8>]> {
  let cppNamespace = "::snnc::snn";
  let genSpecializedAttr = 0;
}

def SNN_ResetMode : I32EnumAttr<"ResetMode", "what a spike does to the membrane", [
    I32EnumAttrCase<"value", 0>,
    I32EnumAttrCase<"subtract", 1>,
    I32EnumAttrCase<"none", 2>]> {
  let cppNamespace = "::snnc::snn";
  let genSpecializedAttr = 0;
}
def SNN_ResetModeAttr : EnumAttr<SNN_Dialect, SNN_ResetMode, "reset"> {
  let assemblyFormat = "`<` $value `>`";
}

def SNN_Connector : I32EnumAttr<"Connector", "rule of procedural connectivity", [
    I32EnumAttrCase<"fixed_probability", 0>,
    I32EnumAttrCase<"fixed_indegree", 1>,
    I32EnumAttrCase<"one_to_one", 2>]> {
  let cppNamespace = "::snnc::snn";
  let genSpecializedAttr = 0;
}
def SNN_ConnectorAttr : EnumAttr<SNN_Dialect, SNN_Connector, "connector"> {
  let assemblyFormat = "`<` $value `>`";
}

def SNN_DistributionKind : I32EnumAttr<"DistributionKind",
    "family of a random distribution", [
    I32EnumAttrCase<"constant", 0>,
    I32EnumAttrCase<"uniform", 1>,
    I32EnumAttrCase<"normal", 2>,
    I32EnumAttrCase<"lognormal", 3>]> {
  let cppNamespace = "::snnc::snn";
  let genSpecializedAttr = 0;
}

def SNN_SparseFormat : I32EnumAttr<"SparseFormat", "storage of explicit sparse synapses", [
    I32EnumAttrCase<"csr", 0>,
    I32EnumAttrCase<"coo", 1>]> {
  let cppNamespace = "::snnc::snn";
  let genSpecializedAttr = 0;
}
def SNN_SparseFormatAttr : EnumAttr<SNN_Dialect, SNN_SparseFormat, "format"> {
  let assemblyFormat = "`<` $value `>`";
}

def SNN_Scheme : I32EnumAttr<"Scheme", "integration scheme of a discretized model", [
    I32EnumAttrCase<"exact", 0>,
    I32EnumAttrCase<"euler", 1>,
    I32EnumAttrCase<"exponential_euler", 2>]> {
  let cppNamespace = "::snnc::snn";
  let genSpecializedAttr = 0;
}

#endif // SNNC_DIALECT_SNN_ENUMS_TD
