//===- Plot.h - a run's spikes and rates as an SVG picture ------*- C++ -*-===//

#ifndef SNNC_TOOLS_SNNRUN_PLOT_H
#define SNNC_TOOLS_SNNRUN_PLOT_H

#include "Outputs.h"

#include "snnrt/Network.h"

#include <string>

namespace snnrun {

/// The most spikes the raster draws; beyond it every k-th spike is drawn
/// and the caption says so, so that the file stays small.
inline constexpr size_t kMaxRasterDots = 20000;

/// Writes `path`: a raster of the network outputs' spikes (step against
/// element, outputs stacked) and the mean rate of every spiking population,
/// with the model's name, the steps and what was drawn in a caption inside
/// the picture. The same run gives the same bytes. False with a message on
/// failure; a failed write leaves no file.
bool writePlot(const std::string &path, const snnrt::Network &net,
               const Recorder &recorder, std::string &error);

} // namespace snnrun

#endif // SNNC_TOOLS_SNNRUN_PLOT_H
