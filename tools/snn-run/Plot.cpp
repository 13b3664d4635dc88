//===- Plot.cpp - a run's spikes and rates as an SVG picture --------------===//

#include "Plot.h"

#include <algorithm>
#include <cstdio>

using namespace snnrun;

namespace {
/// Fixed-point text for coordinates: the same bytes on every machine.
std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", v);
  return buffer;
}

std::string escape(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}
} // namespace

bool snnrun::writePlot(const std::string &path, const snnrt::Network &net,
                       const Recorder &recorder, std::string &error) {
  if (path.size() < 4 || path.compare(path.size() - 4, 4, ".svg") != 0) {
    error = "--plot '" + path + "': the picture is an .svg file";
    return false;
  }
  const double width = 800, left = 170, right = 20,
               plotWidth = width - left - right;
  const double rasterHeight = 300, barHeight = 14;
  uint64_t steps = std::max<uint64_t>(recorder.steps, 1);

  // Outputs stacked: output k's elements start at offset[k].
  std::vector<size_t> offset;
  size_t rows = 0;
  for (size_t k = 0; k < net.numOutputs(); ++k) {
    offset.push_back(rows);
    rows += net.output(k).size;
  }
  rows = std::max<size_t>(rows, 1);
  size_t total = recorder.events.size();
  size_t stride = total > kMaxRasterDots
                      ? (total + kMaxRasterDots - 1) / kMaxRasterDots
                      : 1;

  struct Rate {
    std::string name;
    double hz;
  };
  std::vector<Rate> rates;
  double seconds = double(steps) * net.dtMs() / 1000.0;
  double fastest = 0;
  for (const auto &n : net.nodeInfo())
    if (n.population && n.spiking && n.size > 0) {
      double hz = double(n.activity.spikes) / (double(n.size) * seconds);
      rates.push_back({n.name, hz});
      fastest = std::max(fastest, hz);
    }

  const double rasterTop = 40, barsTop = rasterTop + rasterHeight + 50;
  const double height = barsTop + double(rates.size()) * (barHeight + 4) + 60;
  std::string svg;
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) +
         "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " +
         num(height) + "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  svg += "<text x=\"" + num(left) + "\" y=\"20\" font-size=\"14\">" +
         escape(net.name()) + ": " + std::to_string(recorder.steps) +
         " steps of " + num(net.dtMs()) + " ms</text>\n";

  // The raster.
  svg +=
      "<text x=\"10\" y=\"" + num(rasterTop + 12) + "\">output spikes</text>\n";
  svg += "<rect x=\"" + num(left) + "\" y=\"" + num(rasterTop) + "\" width=\"" +
         num(plotWidth) + "\" height=\"" + num(rasterHeight) +
         "\" fill=\"none\" stroke=\"#888\"/>\n";
  for (size_t k = 1; k < offset.size(); ++k) {
    double y = rasterTop + rasterHeight * double(offset[k]) / double(rows);
    svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" +
           num(left + plotWidth) + "\" y2=\"" + num(y) +
           "\" stroke=\"#ccc\"/>\n";
  }
  svg += "<g fill=\"#1f4e9c\">\n";
  size_t drawn = 0;
  for (size_t e = 0; e < total; e += stride) {
    const SpikeEvent &ev = recorder.events[e];
    double x = left + plotWidth * (double(ev.step) + 0.5) / double(steps);
    double y = rasterTop + rasterHeight *
                               (double(offset[ev.output] + ev.index) + 0.5) /
                               double(rows);
    svg += "<rect x=\"" + num(x - 0.5) + "\" y=\"" + num(y - 0.5) +
           "\" width=\"1\" height=\"1\"/>\n";
    ++drawn;
  }
  svg += "</g>\n";
  svg += "<text x=\"" + num(left) + "\" y=\"" +
         num(rasterTop + rasterHeight + 15) + "\">step 0</text>\n";
  svg += "<text x=\"" + num(left + plotWidth) + "\" y=\"" +
         num(rasterTop + rasterHeight + 15) + "\" text-anchor=\"end\">step " +
         std::to_string(recorder.steps) + "</text>\n";

  // The rates.
  svg += "<text x=\"10\" y=\"" + num(barsTop - 10) +
         "\">mean rate per population</text>\n";
  for (size_t i = 0; i < rates.size(); ++i) {
    double y = barsTop + double(i) * (barHeight + 4);
    double w = fastest > 0 ? (plotWidth - 80) * rates[i].hz / fastest : 0;
    svg += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 11) +
           "\" text-anchor=\"end\">" + escape(rates[i].name) + "</text>\n";
    svg += "<rect x=\"" + num(left) + "\" y=\"" + num(y) + "\" width=\"" +
           num(w) + "\" height=\"" + num(barHeight) + "\" fill=\"#c0504d\"/>\n";
    svg += "<text x=\"" + num(left + w + 4) + "\" y=\"" + num(y + 11) + "\">" +
           num(rates[i].hz) + " Hz</text>\n";
  }

  // The caption, inside the picture.
  std::string caption =
      std::to_string(total) + " output spike" + (total == 1 ? "" : "s");
  if (stride > 1)
    caption += ", 1 in " + std::to_string(stride) + " drawn (" +
               std::to_string(drawn) + ")";
  caption += "; " + std::to_string(rates.size()) + " spiking population" +
             (rates.size() == 1 ? "" : "s");
  svg += "<text x=\"10\" y=\"" + num(height - 15) + "\">" + escape(caption) +
         "</text>\n";
  svg += "</svg>\n";
  return writeAtomically(path, svg, error);
}
