//===- Batch.cpp - batch evaluation: classes, accuracy, agreement ---------===//
//
// Each sample runs on a network loaded afresh from records read once: the
// same initial state as a single run of snn-run, so sample k of a batch
// gives what a run on sample k alone gives.
//
//===----------------------------------------------------------------------===//

#include "Batch.h"

#include "Outputs.h"

#include "snnrt/Npy.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <unistd.h>

using namespace snnrun;
using snnrt::Network;
using snnrt::Stream;
using Json = nlohmann::ordered_json;

namespace {
const std::pair<const char *, Readout> kReadouts[] = {
    {"count", Readout::Count}, {"last", Readout::Last}, {"max", Readout::Max}};

const char *readoutName(Readout readout) {
  for (auto [name, value] : kReadouts)
    if (value == readout)
      return name;
  return "auto";
}

std::string shapeText(const std::vector<int64_t> &shape) {
  std::string text;
  for (int64_t d : shape)
    text += (text.empty() ? "" : "x") + std::to_string(d);
  return text.empty() ? "()" : text;
}

std::string listText(const std::vector<int64_t> &shape) {
  std::string text;
  for (int64_t d : shape)
    text += (text.empty() ? "" : ", ") + std::to_string(d);
  return "[" + text + "]";
}

/// Reads an .npy file, with a message for a folder or a missing file
/// rather than whatever reading one would do.
bool readArray(const std::string &path, snnrt::NpyArray &array,
               std::string &error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "'" + path + "' is a folder, not an .npy file";
    return false;
  }
  return snnrt::readNpy(path, array, error);
}

/// One `--batch` array: per sample, one frame for every step (samples x
/// elements) or a frame per step (samples x steps x elements).
struct BatchInput {
  size_t input = 0;
  std::string path;
  snnrt::NpyArray array;
  size_t samples = 0;
  size_t elements = 0;
  uint64_t steps = 0; ///< steps held per sample; 0 for one repeated frame

  const double *row(size_t sample, uint64_t step) const {
    size_t frame = steps ? sample * steps + step : sample;
    return array.data.data() + frame * elements;
  }
};

/// Reads a batch for an input of `info`: the dimensions after the first
/// (a frame) or after the first two (steps, then a frame) must hold the
/// input's elements.
bool readBatch(BatchInput &batch, const Stream &info, uint64_t runSteps,
               std::string &error) {
  if (!readArray(batch.path, batch.array, error))
    return false;
  const std::vector<int64_t> &shape = batch.array.shape;
  auto elementsFrom = [&](size_t dim) {
    size_t product = 1;
    for (size_t d = dim; d < shape.size(); ++d)
      product *= size_t(shape[d]);
    return product;
  };
  if (shape.size() >= 2 && elementsFrom(1) == info.size) {
    batch.steps = 0;
  } else if (shape.size() >= 3 && elementsFrom(2) == info.size) {
    batch.steps = uint64_t(shape[1]);
  } else {
    error = batch.path + ": a batch for input " + std::to_string(batch.input) +
            " is samples x elements or samples x steps x elements, with " +
            "the input's " + std::to_string(info.size) + " elements (shape " +
            listText(info.shape) + "); got shape " + shapeText(shape);
    return false;
  }
  batch.samples = size_t(shape[0]);
  batch.elements = info.size;
  if (batch.samples == 0) {
    error = batch.path + ": holds no samples (shape " + shapeText(shape) + ")";
    return false;
  }
  if (batch.steps && batch.steps < runSteps) {
    error = batch.path + ": holds " + std::to_string(batch.steps) +
            " steps per sample, the run needs " + std::to_string(runSteps);
    return false;
  }
  return true;
}

/// Reads one integer label per sample.
bool readLabels(const std::string &path, size_t samples,
                const std::string &batchPath, std::vector<int64_t> &labels,
                std::string &error) {
  snnrt::NpyArray array;
  if (!readArray(path, array, error))
    return false;
  if (array.shape.size() != 1) {
    error = path +
            ": labels are one integer per sample (shape (samples,)), "
            "got shape " +
            shapeText(array.shape);
    return false;
  }
  if (size_t(array.shape[0]) != samples) {
    error = path + ": holds " + std::to_string(array.shape[0]) +
            " labels, the batch '" + batchPath + "' holds " +
            std::to_string(samples) + " samples";
    return false;
  }
  for (size_t s = 0; s < samples; ++s) {
    double v = array.data[s];
    if (!std::isfinite(v) || std::floor(v) != v || std::fabs(v) > 1e15) {
      char text[64];
      std::snprintf(text, sizeof text, "%g", v);
      error = path + ": label " + text + " of sample " + std::to_string(s) +
              " is not an integer";
      return false;
    }
    labels.push_back(int64_t(v));
  }
  return true;
}

/// A model of the batch: its records, read once, and what it predicted.
struct Model {
  std::string path;
  std::string name;
  std::vector<snnrt::Record> records;
  std::unique_ptr<Network> initial; ///< for its streams; never stepped
  Readout readout = Readout::Auto;
  size_t classes = 0;
  std::vector<std::unique_ptr<Source>> sources;
  std::vector<size_t> predictions;
  std::vector<std::vector<double>> scores;
  size_t correct = 0;
};

bool openModel(Model &model, const BatchOptions &options, std::string &error) {
  if (!Network::readFile(model.path, model.records, error))
    return false;
  model.initial = Network::load(model.records, error);
  if (!model.initial) {
    error = model.path + ": " + error;
    return false;
  }
  model.name = model.initial->name();
  if (model.initial->numOutputs() == 0) {
    error = model.path + ": the network has no output to read a class from";
    return false;
  }
  const Stream &out = model.initial->output(0);
  model.classes = out.size;
  model.readout = options.readout;
  if (model.readout == Readout::Auto)
    model.readout = out.spiking ? Readout::Count : Readout::Last;
  if (model.readout == Readout::Count && !out.spiking) {
    error = "--readout count reads spikes; output 0 of '" + model.path +
            "' is a current stream (use --readout last or max)";
    return false;
  }
  if (model.readout != Readout::Count && out.spiking) {
    error = std::string("--readout ") + readoutName(model.readout) +
            " reads currents; output 0 of '" + model.path +
            "' is a spike stream (use --readout count)";
    return false;
  }
  std::vector<size_t> given;
  for (const auto &[input, path] : options.batches) {
    if (input >= model.initial->numInputs()) {
      error = "--batch " + std::to_string(input) + "=" + path + ": '" +
              model.path + "' has " +
              std::to_string(model.initial->numInputs()) +
              " input(s), no input " + std::to_string(input);
      return false;
    }
    given.push_back(input);
  }
  if (!makeSources(options.otherInputs, *model.initial, options.steps,
                   options.seed, given, model.sources, error)) {
    if (!options.compare.empty())
      error = "'" + model.path + "': " + error;
    return false;
  }
  return true;
}

/// The two models of a comparison must read the same batch and give
/// classes of the same count.
bool checkSameShapes(const Model &a, const Model &b,
                     const BatchOptions &options, std::string &error) {
  auto describe = [](const Stream &s) {
    return listText(s.shape) + " (" + std::to_string(s.size) + " elements, " +
           (s.spiking ? "spikes" : "currents") + ")";
  };
  for (const auto &[input, path] : options.batches) {
    const Stream &x = a.initial->inputInfo(input);
    const Stream &y = b.initial->inputInfo(input);
    if (x.shape != y.shape || x.spiking != y.spiking) {
      error = "--compare: input " + std::to_string(input) + " is " +
              describe(x) + " in '" + a.path + "' but " + describe(y) +
              " in '" + b.path + "'";
      return false;
    }
  }
  const Stream &x = a.initial->output(0);
  const Stream &y = b.initial->output(0);
  if (x.size != y.size) {
    error = "--compare: output 0 is " + describe(x) + " in '" + a.path +
            "' but " + describe(y) + " in '" + b.path + "'";
    return false;
  }
  return true;
}

/// Ties go to the lowest index; a NaN score never wins.
size_t argmax(const std::vector<double> &scores) {
  size_t best = 0;
  for (size_t i = 1; i < scores.size(); ++i)
    if (!std::isnan(scores[i]) &&
        (std::isnan(scores[best]) || scores[i] > scores[best]))
      best = i;
  return best;
}

class Progress {
public:
  Progress(bool show, size_t total) : show(show), total(total) {}
  void done(size_t count, const std::string &what) {
    if (!show ||
        (count % std::max<size_t>(1, total / 100) != 0 && count != total))
      return;
    int width = 40, filled = int(width * count / total);
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu samples%s", filled,
                 "########################################", width - filled, "",
                 count, total, what.c_str());
    std::fflush(stderr);
    if (count == total)
      std::fputc('\n', stderr);
  }

private:
  bool show;
  size_t total;
};

bool runModel(Model &model, const std::vector<BatchInput> &batches,
              size_t samples, const BatchOptions &options, Progress &progress,
              const std::string &label, std::string &error) {
  for (size_t s = 0; s < samples; ++s) {
    std::unique_ptr<Network> net = Network::load(model.records, error);
    if (!net || !net->setThreads(options.threads, error)) {
      error = model.path + ": " + error;
      return false;
    }
    const Stream &out = net->output(0);
    std::vector<double> scores(model.classes,
                               model.readout == Readout::Max
                                   ? -std::numeric_limits<double>::infinity()
                                   : 0.0);
    for (uint64_t t = 0; t < options.steps; ++t) {
      for (const BatchInput &batch : batches)
        if (!feedDense(*net, batch.input, batch.row(s, t), error)) {
          error = batch.path + ": sample " + std::to_string(s) + ", step " +
                  std::to_string(t) + ": " + error;
          return false;
        }
      for (auto &source : model.sources)
        if (source && !source->feed(*net, t, error)) {
          error = "step " + std::to_string(t) + ": " + error;
          return false;
        }
      net->step();
      if (model.readout == Readout::Count) {
        for (size_t k = 0; k < out.active.size(); ++k)
          scores[out.active[k]] += out.payload.empty() ? 1.0
                                   : out.signedPayload
                                       ? double(int32_t(out.payload[k]))
                                       : double(out.payload[k]);
      } else if (model.readout == Readout::Max) {
        for (size_t i = 0; i < model.classes; ++i)
          scores[i] = std::max(scores[i], out.values[i]);
      } else if (t + 1 == options.steps) {
        scores = out.values;
      }
    }
    model.predictions.push_back(argmax(scores));
    model.scores.push_back(std::move(scores));
    progress.done(model.predictions.size(), label);
  }
  return true;
}

int fail(const std::string &message) {
  std::fprintf(stderr, "snn-run: error: %s\n", message.c_str());
  return 1;
}

std::string fraction(size_t count, size_t total) {
  char text[64];
  std::snprintf(text, sizeof text, "%.4f (%zu/%zu)",
                double(count) / double(total), count, total);
  return text;
}

Json modelJson(const Model &model, bool labelled, size_t samples) {
  Json entry = {{"model", model.path},
                {"network", model.name},
                {"output", 0},
                {"classes", model.classes},
                {"readout", readoutName(model.readout)}};
  if (labelled) {
    entry["accuracy"] = double(model.correct) / double(samples);
    entry["correct"] = model.correct;
  }
  entry["predictions"] = model.predictions;
  if (model.readout == Readout::Count) {
    Json scores = Json::array();
    for (const auto &row : model.scores) {
      Json counts = Json::array();
      for (double v : row)
        counts.push_back(int64_t(v));
      scores.push_back(counts);
    }
    entry["scores"] = scores;
  } else {
    entry["scores"] = model.scores;
  }
  return entry;
}
} // namespace

bool snnrun::parseReadout(const std::string &text, Readout &readout,
                          std::string &error) {
  for (auto [name, value] : kReadouts)
    if (text == name) {
      readout = value;
      return true;
    }
  error = "--readout expects count, last or max, got '" + text + "'";
  return false;
}

int snnrun::runBatch(const BatchOptions &options) {
  std::string error;
  if (options.steps == 0)
    return fail("--batch needs --steps >= 1");
  if (!options.out.empty() &&
      std::filesystem::path(options.out).extension() != ".json")
    return fail("--batch-out '" + options.out + "': use .json");
  for (size_t i = 0; i < options.batches.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (options.batches[i].first == options.batches[j].first)
        return fail("input " + std::to_string(options.batches[i].first) +
                    " is given more than once");

  std::vector<Model> models(options.compare.empty() ? 1 : 2);
  models[0].path = options.model;
  if (!options.compare.empty())
    models[1].path = options.compare;
  for (Model &model : models)
    if (!openModel(model, options, error))
      return fail(error);
  if (models.size() == 2 &&
      !checkSameShapes(models[0], models[1], options, error))
    return fail(error);

  std::vector<BatchInput> batches(options.batches.size());
  for (size_t i = 0; i < batches.size(); ++i) {
    batches[i].input = options.batches[i].first;
    batches[i].path = options.batches[i].second;
    if (!readBatch(batches[i], models[0].initial->inputInfo(batches[i].input),
                   options.steps, error))
      return fail(error);
    if (batches[i].samples != batches[0].samples)
      return fail(batches[i].path + ": holds " +
                  std::to_string(batches[i].samples) + " samples, '" +
                  batches[0].path + "' holds " +
                  std::to_string(batches[0].samples));
  }
  size_t samples = batches[0].samples;

  std::vector<int64_t> labels;
  bool labelled = !options.labels.empty();
  if (labelled) {
    if (!readLabels(options.labels, samples, batches[0].path, labels, error))
      return fail(error);
    for (size_t s = 0; s < samples; ++s)
      if (labels[s] < 0 || uint64_t(labels[s]) >= models[0].classes)
        return fail(options.labels + ": label " + std::to_string(labels[s]) +
                    " of sample " + std::to_string(s) + " is outside the " +
                    std::to_string(models[0].classes) +
                    " classes (the elements of output 0 of '" + models[0].path +
                    "')");
  }

  Progress progress(!options.quiet && isatty(STDERR_FILENO) &&
                        samples * options.steps >= 1000,
                    samples);
  std::vector<double> seconds;
  for (size_t m = 0; m < models.size(); ++m) {
    auto start = std::chrono::steady_clock::now();
    if (!runModel(models[m], batches, samples, options, progress,
                  models.size() == 2 ? (m ? " (B)" : " (A)") : "", error))
      return fail(error);
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count());
    if (labelled)
      for (size_t s = 0; s < samples; ++s)
        models[m].correct += int64_t(models[m].predictions[s]) == labels[s];
  }

  std::vector<bool> agree;
  size_t agreeing = 0;
  if (models.size() == 2)
    for (size_t s = 0; s < samples; ++s) {
      agree.push_back(models[0].predictions[s] == models[1].predictions[s]);
      agreeing += agree.back();
    }
  auto accuracy = [&](const Model &m) {
    return double(m.correct) / double(samples);
  };

  if (!options.out.empty()) {
    Json doc;
    doc["samples"] = samples;
    doc["steps"] = options.steps;
    Json inputs = Json::array();
    for (const BatchInput &batch : batches)
      inputs.push_back({{"input", batch.input},
                        {"file", batch.path},
                        {"form", batch.steps ? "steps" : "frames"}});
    doc["inputs"] = inputs;
    if (labelled) {
      doc["labels_file"] = options.labels;
      doc["labels"] = labels;
    }
    Json entries = Json::array();
    for (const Model &model : models)
      entries.push_back(modelJson(model, labelled, samples));
    doc["models"] = entries;
    if (models.size() == 2) {
      doc["agreement"] = double(agreeing) / double(samples);
      doc["agreeing"] = agreeing;
      doc["agree"] = agree;
      if (labelled)
        doc["accuracy_difference"] = accuracy(models[1]) - accuracy(models[0]);
    }
    std::string text =
        doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (!writeAtomically(options.out, text + "\n", error))
      return fail(error);
  }

  if (options.quiet)
    return 0;
  for (size_t m = 0; m < models.size(); ++m) {
    const Model &model = models[m];
    std::printf("%s%s: %zu sample%s of %llu step%s, readout %s of output 0 "
                "(%zu classes), %.3f s wall\n",
                models.size() == 2 ? (m ? "B " : "A ") : "", model.path.c_str(),
                samples, samples == 1 ? "" : "s",
                (unsigned long long)options.steps,
                options.steps == 1 ? "" : "s", readoutName(model.readout),
                model.classes, seconds[m]);
  }
  if (labelled) {
    if (models.size() == 1) {
      std::printf("  accuracy: %s\n",
                  fraction(models[0].correct, samples).c_str());
    } else {
      std::printf("  accuracy: A %s, B %s, difference (B - A) %+.4f\n",
                  fraction(models[0].correct, samples).c_str(),
                  fraction(models[1].correct, samples).c_str(),
                  accuracy(models[1]) - accuracy(models[0]));
    }
  } else if (models.size() == 1) {
    std::vector<size_t> perClass(models[0].classes, 0);
    for (size_t p : models[0].predictions)
      ++perClass[p];
    std::string list;
    for (size_t c = 0; c < perClass.size(); ++c)
      list += (c ? ", " : "") + std::to_string(perClass[c]);
    std::printf("  predictions per class: [%s]\n", list.c_str());
  }
  if (models.size() == 2) {
    std::printf("  agreement: %.4f (%zu/%zu samples)\n",
                double(agreeing) / double(samples), agreeing, samples);
    std::string differ;
    size_t shown = 0;
    for (size_t s = 0; s < samples; ++s) {
      if (agree[s])
        continue;
      if (shown++ == 10) {
        differ += ", and " + std::to_string(samples - agreeing - 10) + " more";
        break;
      }
      differ += (differ.empty() ? "" : ", ") + std::to_string(s) + " (A " +
                std::to_string(models[0].predictions[s]) + ", B " +
                std::to_string(models[1].predictions[s]) + ")";
    }
    if (!differ.empty())
      std::printf("  differ on samples: %s\n", differ.c_str());
  }
  return 0;
}
