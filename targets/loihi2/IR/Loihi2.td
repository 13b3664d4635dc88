//===- Loihi2.td - the loihi2 dialect, all of it -----------*- tablegen -*-===//

#ifndef SNNC_TARGETS_LOIHI2_TD
#define SNNC_TARGETS_LOIHI2_TD

include "targets/loihi2/IR/Loihi2Dialect.td"
include "targets/loihi2/IR/Loihi2Attributes.td"

#endif // SNNC_TARGETS_LOIHI2_TD
