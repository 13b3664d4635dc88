//===- Loihi2Nodes.h - Lava's process models as node kinds ------*- C++ -*-===//

#ifndef SNNRT_LOIHI2_LOIHI2NODES_H
#define SNNRT_LOIHI2_LOIHI2NODES_H

#include "engine/Registry.h"

namespace snnrt::loihi2 {

/// LIF, the synapse processes and Conv (`loihi2.*` records).
NodeKinds nodeKinds();

} // namespace snnrt::loihi2

#endif // SNNRT_LOIHI2_LOIHI2NODES_H
