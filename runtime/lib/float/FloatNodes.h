//===- FloatNodes.h - the float reference's node kinds ----------*- C++ -*-===//

#ifndef SNNRT_FLOAT_FLOATNODES_H
#define SNNRT_FLOAT_FLOATNODES_H

#include "engine/Registry.h"

namespace snnrt {

/// The neuron models of the snn dialect (Neurons.cpp).
NodeKinds floatNeuronKinds();
/// Its connections, pooling, flatten and scale (Connections.cpp).
NodeKinds floatConnectionKinds();

} // namespace snnrt

#endif // SNNRT_FLOAT_FLOATNODES_H
