//===- Akida.td - the akida dialect, all of it -------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_AKIDA_TD
#define SNNC_TARGETS_AKIDA_TD

include "targets/akida/IR/AkidaDialect.td"
include "targets/akida/IR/AkidaOps.td"

#endif // SNNC_TARGETS_AKIDA_TD
