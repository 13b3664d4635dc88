//===- AkidaNodes.h - Akida layers as node kinds ----------------*- C++ -*-===//

#ifndef SNNRT_AKIDA_AKIDANODES_H
#define SNNRT_AKIDA_AKIDANODES_H

#include "engine/Registry.h"

namespace snnrt::akida {

/// One Akida layer (`akida.layer` records).
NodeKinds nodeKinds();

} // namespace snnrt::akida

#endif // SNNRT_AKIDA_AKIDANODES_H
