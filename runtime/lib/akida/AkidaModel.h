//===- AkidaModel.h - an Akida artifact as plain data -----------*- C++ -*-===//
//
// The artifact `snnc --target=akida` writes (format "snnc-akida",
// docs/formats/akida.md): its layers, checked and with their variables
// read from the .npy files beside the JSON, and the emulator records they
// run as.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_AKIDA_AKIDAMODEL_H
#define SNNRT_AKIDA_AKIDAMODEL_H

#include "akida/AkidaLayers.h"
#include "snnrt/Image.h"

#include <string>
#include <vector>

namespace snnrt::akida {

struct Model {
  std::string name = "akida";
  double dtMs = 1;
  /// The model input: MetaTF's shape, its bits, and the network input's
  /// snn shape ([C, X, Y] or [X Y C]).
  Shape input;
  int64_t inputBits = 1;
  std::vector<int64_t> inputSnnShape, outputSnnShape;
  std::vector<std::string> names;
  std::vector<Layer> layers;
};

/// Reads and checks the artifact at `path` and the .npy files it names;
/// false with one message naming the field, the limit and the value.
bool readModel(const std::string &path, Model &model, std::string &error);

/// The emulator records of a checked model: the input, one node per layer,
/// and a probe "output" of the last layer (its activations, or its
/// potentials when it has no activation).
std::vector<Record> modelRecords(const Model &model);

/// readModel, then modelRecords: the artifact kind's loader.
bool loadArtifact(const std::string &path, std::vector<Record> &records,
                  std::string &error);

} // namespace snnrt::akida

#endif // SNNRT_AKIDA_AKIDAMODEL_H
