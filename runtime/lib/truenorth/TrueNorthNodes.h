//===- TrueNorthNodes.h - TrueNorth cores as node kinds ---------*- C++ -*-===//

#ifndef SNNRT_TRUENORTH_TRUENORTHNODES_H
#define SNNRT_TRUENORTH_TRUENORTHNODES_H

#include "engine/Registry.h"

namespace snnrt::truenorth {

/// The mesh, the cores and the outputs (`truenorth.*` records).
NodeKinds nodeKinds();

} // namespace snnrt::truenorth

#endif // SNNRT_TRUENORTH_TRUENORTHNODES_H
