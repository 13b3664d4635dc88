//===- NpModel.h - neural processors per Akida layer ------------*- C++ -*-===//
//
// How many of an AKD1000's neural processors (NPs) MetaTF gives each layer
// of a model, without MetaTF: the per-NP weight memory and input buffer
// limit the filters one NP holds and the input tile it sees, as measured on
// MetaTF's own mapper (docs/targets/akida.md states the model and its fit).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_AKIDA_NPMODEL_H
#define SNNC_TARGETS_AKIDA_NPMODEL_H

#include "targets/akida/Layers.h"

#include <optional>
#include <string>
#include <vector>

namespace snnc::akida {

/// MetaTF's map modes: as few NPs as fit (Minimal), or as many as speed the
/// model up without adding sequences (AllNps, MetaTF's default).
enum class MapMode { minimal, allNps };
std::optional<MapMode> parseMapMode(const std::string &name);
const char *mapModeName(MapMode mode);

/// The NPs an AKD1000 maps, and the NPs of one of its nodes.
inline constexpr int64_t kMappableNps = 78;
inline constexpr int64_t kNpsPerNode = 4;
/// Bytes of weight memory per NP, as MetaTF's virtual AKD1000 reports it
/// (`mesh.np_sram_size`).
inline constexpr int64_t kNpWeightBytes = 44800;

/// One layer's share: its NPs and their kind ("CNP1", "FNP3", "FNP2"; an
/// InputConvolutional runs on the input block, "HRC", and takes no NP),
/// the external memory an FNP2 needs, and whether MetaTF would run the
/// layer in software instead (it does not fit any NP arrangement).
struct NpCount {
  int64_t nps = 0;
  std::string type;
  int64_t externalBytes = 0;
  bool software = false;
  /// Why the layer runs in software: "its 'Valid' padding", ...
  std::string reason;
};

/// The NPs of every layer of a sequential model in `mode`.
std::vector<NpCount> countNps(const std::vector<LayerDesc> &layers,
                              MapMode mode);

} // namespace snnc::akida

#endif // SNNC_TARGETS_AKIDA_NPMODEL_H
