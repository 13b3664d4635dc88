//===- SNN.td - the snn dialect, all of it -----------------*- tablegen -*-===//

#ifndef SNNC_DIALECT_SNN_TD
#define SNNC_DIALECT_SNN_TD

include "dialects/SNN/SNNDialect.td"
include "dialects/SNN/SNNEnums.td"
include "dialects/SNN/SNNTypes.td"
include "dialects/SNN/SNNAttrInterfaces.td"
include "dialects/SNN/SNNAttributes.td"
include "dialects/SNN/SNNInterfaces.td"
include "dialects/SNN/SNNOps.td"

#endif // SNNC_DIALECT_SNN_TD
