//===- TN.td - the tn dialect, all of it -------------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_TD
#define SNNC_TARGETS_TRUENORTH_TD

include "targets/truenorth/IR/TNDialect.td"
include "targets/truenorth/IR/TNAttributes.td"
include "targets/truenorth/IR/TNOps.td"

#endif // SNNC_TARGETS_TRUENORTH_TD
