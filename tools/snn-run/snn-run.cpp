//===- snn-run.cpp - runs an snnx image in the emulator -------------------===//
//
// snn-run MODEL.snnx --steps N [--input K=FILE] [--poisson K=HZ[,SEED]]
//         [--current K=NA[@STEP,...]] [--spikes F] [--counts F] [--probes F]
//         [--activity F] [--write-sfti F] [--seed S] [--quiet]
// snn-run MODEL --batch [K=]X.npy [--labels Y.npy] [--compare MODEL_B]
//         [--readout count|last|max] [--batch-out F.json] --steps N
//
// Plain C++ over the runtime's API: no MLIR, no LLVM.
//
//===----------------------------------------------------------------------===//

#include "Batch.h"
#include "Inputs.h"
#include "LavaReference.h"
#include "Outputs.h"
#include "Plot.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

using namespace snnrun;

namespace {
const char *kUsage =
    "usage: snn-run MODEL.snnx --steps N [options]\n"
    "       snn-run MODEL --batch X.npy [--labels Y.npy] [--compare MODEL_B]\n"
    "               --steps N [options]\n"
    "\n"
    "inputs (K is the network input's index):\n"
    "  --input K=FILE        spikes or currents from FILE: .npy (steps x\n"
    "                        elements), .csv (step,index[,value]), .json\n"
    "                        ({\"events\": [[step, index(, value)], ...]}) or\n"
    "                        .sfti (TrueNorth's {\"spike\":{\"srcTime\":T,\n"
    "                        \"destCore\":C,\"destAxon\":A}} lines) for a\n"
    "                        [cores, axons] input: a TrueNorth artifact's\n"
    "                        last input, after those of the network\n"
    "  --poisson K=HZ[,SEED] Poisson spikes at HZ on every element\n"
    "  --current K=NA[@STEP,NA@STEP...]\n"
    "                        a constant or stepped current in nA\n"
    "outputs (.csv, .json or .npy by extension):\n"
    "  --spikes FILE         spike events of the network outputs\n"
    "  --counts FILE         spike counts per output element\n"
    "  --probes FILE         traces of the network's probes\n"
    "  --plot FILE.svg       a raster of the outputs' spikes and the mean\n"
    "                        rate of every spiking population\n"
    "  --record NODE[:STATE] also record node NODE (its name in the\n"
    "                        model: an op's name, a NIR node's name) or its\n"
    "                        state STATE (e.g. v) into --probes (repeatable)\n"
    "  --activity FILE       per-node activity counters (.json or .csv); a\n"
    "                        TrueNorth artifact has one node per core\n"
    "  --write-sfti FILE     the axons the inputs activate, as .sfti lines\n"
    "                        (TrueNorth artifacts; replayed on the last\n"
    "                        input, they give the same run)\n"
    "batches (each sample runs from the network's initial state):\n"
    "  --batch [K=]FILE.npy  samples for input K (0): samples x elements (one\n"
    "                        frame for every step) or samples x steps x\n"
    "                        elements; repeat for several inputs\n"
    "  --labels FILE.npy     one integer class per sample: prints accuracy\n"
    "  --readout R           the class is output 0's element with the\n"
    "                        largest: count (sum of spike payloads; the\n"
    "                        default for spike outputs), last (value at the\n"
    "                        last step; the default for current outputs) or\n"
    "                        max (value over all steps); ties to the lowest\n"
    "  --compare MODEL_B     also run MODEL_B on the samples: agreement of\n"
    "                        the classes, accuracy of each and difference\n"
    "  --batch-out FILE.json per-sample predictions and scores, accuracy\n"
    "                        and agreement\n"
    "other:\n"
    "  --steps N             number of steps to run (required)\n"
    "  --seed S              seed of Poisson inputs without their own (0)\n"
    "  --threads T           threads per step (1); results do not change\n"
    "  --quiet               no summary, no progress bar\n"
    "  --dump                print the image's records as text and exit\n"
    "  --lava-reference FILE replay a reference run of Lava's bit-accurate\n"
    "                        models (parameters, inputs and traces in JSON) on\n"
    "                        the Loihi 2 process models, print 'mismatches: N'\n"
    "                        and the first few; exit 1 if N > 0\n"
    "\n"
    "MODEL is an snnx image (snnc --target=cpu), a Loihi 2 artifact\n"
    "(snnc --target=loihi2), a TrueNorth artifact (snnc\n"
    "--target=truenorth) or Akida layer descriptors (snnc\n"
    "--target=akida; one step is one inference), by the kind the file\n"
    "declares.\n";

int fail(const std::string &message) {
  std::fprintf(stderr, "snn-run: error: %s\n", message.c_str());
  return 1;
}

/// Prints every record: its fields in stored order of names, with up to
/// eight values each (golden tests read this).
int dumpImage(const std::string &path) {
  std::vector<snnrt::Record> records;
  std::string error;
  if (!snnrt::readImage(path, records, error))
    return fail(error);
  const char *types[] = {"", "f64", "f32", "i64", "i32", "u8"};
  for (size_t r = 0; r < records.size(); ++r) {
    const snnrt::Field *kind = records[r].find("kind");
    std::printf("record %zu: %s\n", r, kind ? kind->str().c_str() : "?");
    for (const auto &[name, field] : records[r].fields) {
      if (name == "kind")
        continue;
      std::printf("  %s: %s[%llu]", name.c_str(), types[int(field.dtype)],
                  (unsigned long long)field.count);
      if (field.dtype == snnrt::DType::u8) {
        std::printf(" \"%s\"\n", field.str().c_str());
        continue;
      }
      for (uint64_t i = 0; i < field.count && i < 8; ++i)
        std::printf(" %.9g", field.at<double>(i));
      std::printf(field.count > 8 ? " ...\n" : "\n");
    }
  }
  return 0;
}

/// `--batch [K=]FILE`: input K, or input 0 when the text before any '='
/// is not a number.
std::pair<size_t, std::string> parseBatch(const std::string &v) {
  size_t eq = v.find('=');
  if (eq != std::string::npos && eq > 0 &&
      v.find_first_not_of("0123456789") == eq)
    return {size_t(std::strtoull(v.substr(0, eq).c_str(), nullptr, 10)),
            v.substr(eq + 1)};
  return {0, v};
}
} // namespace

int main(int argc, char **argv) {
  std::string model, spikesPath, countsPath, probesPath, activityPath,
      referencePath, sftiPath, readoutText, plotPath;
  BatchOptions batch;
  std::vector<InputSpec> inputSpecs;
  std::vector<std::string> records;
  long long steps = -1;
  bool stepsGiven = false, quiet = false, dump = false;
  uint64_t seed = 0;
  size_t threads = 1;

  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string &out) {
      size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        out = arg.substr(eq + 1);
        return true;
      }
      if (i + 1 >= argc)
        return false;
      out = argv[++i];
      return true;
    };
    std::string flag = arg.substr(0, arg.find('='));
    std::string v;
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (flag == "--quiet") {
      quiet = true;
      continue;
    }
    if (flag == "--dump") {
      dump = true;
      continue;
    }
    if (flag.rfind("--", 0) != 0) {
      if (!model.empty())
        return fail("more than one model given ('" + model + "', '" + arg +
                    "')");
      model = arg;
      continue;
    }
    // Input flags take K=VALUE; the '=' inside belongs to the value.
    if (flag == "--input" || flag == "--poisson" || flag == "--current") {
      if (arg.find('=') != std::string::npos && arg.find('=') == flag.size())
        v = arg.substr(flag.size() + 1);
      else if (i + 1 < argc)
        v = argv[++i];
      size_t eq = v.find('=');
      char *end = nullptr;
      unsigned long k = eq == std::string::npos
                            ? 0
                            : std::strtoul(v.substr(0, eq).c_str(), &end, 10);
      if (eq == std::string::npos || eq == 0 || !end || *end != '\0')
        return fail(flag + " expects K=VALUE with K the input index, got '" +
                    v + "'");
      inputSpecs.push_back({flag, size_t(k), v.substr(eq + 1)});
      continue;
    }
    static const char *kValueFlags[] = {
        "--steps",      "--seed",     "--spikes",  "--counts",
        "--probes",     "--activity", "--threads", "--lava-reference",
        "--write-sfti", "--batch",    "--labels",  "--batch-out",
        "--readout",    "--compare",  "--record",  "--plot"};
    if (std::find(std::begin(kValueFlags), std::end(kValueFlags), flag) ==
        std::end(kValueFlags))
      return fail("unknown option '" + flag + "' (see --help)");
    if (!value(v))
      return fail(flag + " needs a value");
    if (flag == "--steps") {
      char *end = nullptr;
      steps = std::strtoll(v.c_str(), &end, 10);
      if (!end || *end != '\0' || v.empty())
        return fail("--steps expects an integer, got '" + v + "'");
      stepsGiven = true;
    } else if (flag == "--seed") {
      char *end = nullptr;
      seed = std::strtoull(v.c_str(), &end, 10);
      if (!end || *end != '\0')
        return fail("--seed expects an integer, got '" + v + "'");
    } else if (flag == "--threads") {
      char *end = nullptr;
      long long t = std::strtoll(v.c_str(), &end, 10);
      if (!end || *end != '\0' || v.empty() || t < 1)
        return fail("--threads expects a positive integer, got '" + v + "'");
      threads = size_t(t);
    } else if (flag == "--spikes") {
      spikesPath = v;
    } else if (flag == "--counts") {
      countsPath = v;
    } else if (flag == "--plot") {
      plotPath = v;
    } else if (flag == "--record") {
      records.push_back(v);
    } else if (flag == "--probes") {
      probesPath = v;
    } else if (flag == "--lava-reference") {
      referencePath = v;
    } else if (flag == "--write-sfti") {
      sftiPath = v;
    } else if (flag == "--batch") {
      batch.batches.push_back(parseBatch(v));
    } else if (flag == "--labels") {
      batch.labels = v;
    } else if (flag == "--batch-out") {
      batch.out = v;
    } else if (flag == "--readout") {
      std::string error;
      if (!parseReadout(v, batch.readout, error))
        return fail(error);
      readoutText = v;
    } else if (flag == "--compare") {
      batch.compare = v;
    } else {
      activityPath = v;
    }
  }
  if (!referencePath.empty()) {
    if (!model.empty())
      return fail("--lava-reference takes no model ('" + model + "')");
    return replayLavaReference(referencePath, 10);
  }
  if (model.empty())
    return fail("no model given (usage: snn-run MODEL.snnx --steps N)");
  if (dump)
    return dumpImage(model);
  if (!stepsGiven)
    return fail("--steps N is required");
  if (steps < 0)
    return fail("--steps must be >= 0, got " + std::to_string(steps));

  if (!batch.batches.empty()) {
    const std::pair<const char *, const std::string *> single[] = {
        {"--spikes", &spikesPath},
        {"--counts", &countsPath},
        {"--probes", &probesPath},
        {"--activity", &activityPath},
        {"--write-sfti", &sftiPath},
        {"--plot", &plotPath}};
    if (!records.empty())
      return fail("--record records a single run; a batch writes its "
                  "per-sample results with --batch-out");
    for (auto [flag, path] : single)
      if (!path->empty())
        return fail(std::string(flag) +
                    " records a single run; a batch writes its per-sample "
                    "results with --batch-out");
    batch.model = model;
    batch.otherInputs = inputSpecs;
    batch.steps = uint64_t(steps);
    batch.seed = seed;
    batch.threads = threads;
    batch.quiet = quiet;
    return runBatch(batch);
  }
  const std::pair<const char *, bool> batchOnly[] = {
      {"--labels", !batch.labels.empty()},
      {"--batch-out", !batch.out.empty()},
      {"--readout", !readoutText.empty()},
      {"--compare", !batch.compare.empty()}};
  for (auto [flag, given] : batchOnly)
    if (given)
      return fail(std::string(flag) + " needs --batch FILE.npy");

  std::string error;
  auto net = snnrt::Network::loadFile(model, error);
  if (!net)
    return fail(error);
  if (!net->setThreads(threads, error))
    return fail(error);
  if (!records.empty() && probesPath.empty())
    return fail("--record needs --probes FILE to write what it records");
  for (const std::string &r : records) {
    size_t colon = r.find(':');
    std::string node = r.substr(0, colon);
    std::string state = colon == std::string::npos ? "" : r.substr(colon + 1);
    if (node.empty() || (colon != std::string::npos && state.empty()))
      return fail("--record expects NODE or NODE:STATE, got '" + r + "'");
    if (!net->addProbe(node, state, error))
      return fail("--record " + r + ": " + error);
  }

  std::vector<std::unique_ptr<Source>> sources;
  if (!makeSources(inputSpecs, *net, uint64_t(steps), seed, {}, sources, error))
    return fail(error);

  SftiRecorder sfti;
  if (!sftiPath.empty() && !sfti.open(model, error))
    return fail(error);

  Recorder recorder(*net, !spikesPath.empty() || !plotPath.empty(),
                    !probesPath.empty());
  bool progress = !quiet && isatty(STDERR_FILENO) && steps >= 1000;
  auto start = std::chrono::steady_clock::now();
  for (long long t = 0; t < steps; ++t) {
    for (auto &source : sources)
      if (source && !source->feed(*net, uint64_t(t), error))
        return fail("step " + std::to_string(t) + ": " + error);
    if (!sftiPath.empty())
      sfti.record(*net, uint64_t(t));
    net->step();
    recorder.record(*net, uint64_t(t));
    if (progress && (t % 1000 == 0 || t + 1 == steps)) {
      int width = 40, filled = int(width * (t + 1) / steps);
      std::fprintf(stderr, "\r[%.*s%*s] %lld/%lld steps", filled,
                   "########################################", width - filled,
                   "", t + 1, steps);
      std::fflush(stderr);
    }
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (progress)
    std::fputc('\n', stderr);

  if ((!spikesPath.empty() && !writeSpikes(spikesPath, *net, recorder, error)) ||
      (!countsPath.empty() && !writeCounts(countsPath, *net, recorder, error)) ||
      (!probesPath.empty() && !writeProbes(probesPath, *net, recorder, error)) ||
      (!activityPath.empty() &&
       !writeActivity(activityPath, *net, recorder, error)) ||
      (!sftiPath.empty() && !sfti.write(sftiPath, error)) ||
      (!plotPath.empty() && !writePlot(plotPath, *net, recorder, error)))
    return fail(error);

  if (!quiet) {
    uint64_t spikes = 0, events = 0;
    for (const auto &n : net->nodeInfo()) {
      if (n.population && n.spiking)
        spikes += n.activity.spikes;
      events += n.activity.synapticEvents;
    }
    double simulated = double(steps) * net->dtMs() / 1000.0;
    std::printf("%s: %lld steps of %g ms (%g s simulated) in %.3f s wall\n",
                net->name().c_str(), steps, net->dtMs(), simulated, seconds);
    std::printf("  spikes: %llu, synaptic events: %llu\n",
                (unsigned long long)spikes, (unsigned long long)events);
    for (const auto &n : net->nodeInfo())
      if (n.population && n.spiking && simulated > 0)
        std::printf("  %-16s %8zu neurons %10.2f Hz\n", n.name.c_str(), n.size,
                    double(n.activity.spikes) / double(n.size) / simulated);
  }
  return 0;
}
