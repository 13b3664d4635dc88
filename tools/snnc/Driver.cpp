//===- Driver.cpp - the snnc compiler driver ------------------------------===//
//
// snnc model.mlir --target=NAME -o OUT [--emit=STAGE] [--dt=MS]
//
// Parses and verifies the model, records the target in the module
// (#snn.target), runs the pipeline stages up to the requested one and prints
// the IR of that stage or, at `artifact`, lets the target write its
// artifact. Every failure is one diagnostic and exit code 1. The driver knows
// no target: it asks the registry, which tools fill before calling it.
//
//===----------------------------------------------------------------------===//

#include "tools/snnc/Driver.h"

#include "analysis/MemoryModel.h"
#include "dialects/SNN/SNNOps.h"
#include "frontends/nir/NirImport.h"
#include "passes/Pipelines.h"
#include "passes/Report.h"
#include "passes/SynapseCost.h"
#include "targets/ChipDescription.h"
#include "targets/Emission.h"
#include "targets/Target.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace llvm;

namespace {
cl::OptionCategory snncCategory("snnc options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<model.mlir>"),
                               cl::cat(snncCategory));
cl::opt<std::string> targetName("target", cl::desc("Target to compile for"),
                                cl::value_desc("name"), cl::cat(snncCategory));
cl::opt<std::string> outputPath("o", cl::desc("Output file or folder"),
                                cl::value_desc("path"), cl::init("-"),
                                cl::cat(snncCategory));
cl::opt<std::string>
    emitStage("emit",
              cl::desc("Stop after a stage: snn, discretized, quantized, "
                       "mapped, target-ir, artifact (default: artifact with "
                       "--target, snn without); or nir: write the model as a "
                       "NIR file"),
              cl::value_desc("stage"), cl::cat(snncCategory));
cl::opt<bool> listTargets("list-targets", cl::desc("List registered targets"),
                          cl::cat(snncCategory));
cl::opt<bool>
    memoryModel("memory-model",
                cl::desc("Print the memory model of a human-scale brain of "
                         "the seed document abi-memory-model "
                         "(docs/memory-model.md)"),
                cl::cat(snncCategory));
cl::opt<std::string>
    memoryModelJson("memory-model-json",
                    cl::desc("Write the memory model's figures as JSON"),
                    cl::value_desc("file"), cl::cat(snncCategory));
cl::opt<double> dtMs("dt",
                     cl::desc("Step in ms (default: the network's own dt)"),
                     cl::init(0.0), cl::cat(snncCategory));
cl::opt<std::string>
    chipName("chip",
             cl::desc("Chip whose description drives the middle end "
                      "(loihi2, truenorth, akida): resource analysis at "
                      "stage quantized, partition and placement at mapped"),
             cl::value_desc("name"), cl::cat(snncCategory));
cl::opt<bool> report("report",
                     cl::desc("Print the resource report (with --chip, runs "
                              "to stage mapped unless --emit says otherwise)"),
                     cl::cat(snncCategory));
cl::opt<std::string> reportJson("report-json",
                                cl::desc("Write the resource report as JSON"),
                                cl::value_desc("file"), cl::cat(snncCategory));
cl::opt<std::string> reportSvg("report-svg",
                               cl::desc("Draw the placement of the cores on "
                                        "the chips' meshes as SVG"),
                               cl::value_desc("file"), cl::cat(snncCategory));
cl::opt<std::string>
    activityFile("activity",
                 cl::desc("Activity profile written by snn-run --activity: "
                          "energy from the measured spikes and synaptic "
                          "events instead of an assumed rate (needs --chip)"),
                 cl::value_desc("file.json"), cl::cat(snncCategory));
cl::opt<double>
    stepRate("step-rate",
             cl::desc("Steps per second for the reported power (default: "
                      "real time, one step per dt)"),
             cl::init(0.0), cl::value_desc("Hz"), cl::cat(snncCategory));
cl::opt<bool> allowLossy(
    "allow-lossy",
    cl::desc("Compile a model whose quantization destroys a layer (more than "
             "a quarter of its weights rounded to 0, or an rms error over a "
             "quarter of its largest weight), with a warning"),
    cl::cat(snncCategory));
cl::list<std::string> targetOption(
    "target-option",
    cl::desc("An option of the target, KEY=VALUE (repeatable; "
             "--list-targets shows each target's)"),
    cl::value_desc("KEY=VALUE"), cl::cat(snncCategory));
cl::opt<std::string> scheme("scheme",
                            cl::desc("Integration of linear neuron models: "
                                     "exact (default) or euler"),
                            cl::init("exact"), cl::cat(snncCategory));

int fail(const Twine &message) {
  WithColor::error(errs(), "snnc") << message << "\n";
  return 1;
}

std::string registeredList() {
  std::vector<std::string> names = snnc::TargetRegistry::get().names();
  if (names.empty())
    return "none are registered";
  std::string text = "registered:";
  for (const std::string &name : names)
    text += " " + name;
  return text;
}

int printTargets() {
  const snnc::TargetRegistry &registry = snnc::TargetRegistry::get();
  std::vector<std::string> names = registry.names();
  if (names.empty()) {
    outs() << "no targets are registered\n";
    return 0;
  }
  for (const std::string &name : names) {
    std::unique_ptr<snnc::Target> target = registry.create(name);
    outs() << format("  %-10s ", name.c_str()) << target->getDescription()
           << "\n";
    for (const snnc::TargetOptionSpec &spec : target->getOptionSpecs()) {
      outs() << "      --target-option " << spec.key << "=";
      llvm::interleave(spec.values, outs(), "|");
      outs() << " (default " << spec.defaultValue << "): " << spec.description
             << "\n";
    }
  }
  return 0;
}

/// Reads --target-option into `out`, checked against the target's specs.
int readTargetOptions(const snnc::Target *target,
                      std::map<std::string, std::string> &out) {
  for (const std::string &item : targetOption) {
    StringRef key, value;
    std::tie(key, value) = StringRef(item).split('=');
    if (!target)
      return fail("--target-option needs a target (--target=NAME)");
    if (key.empty() || value.empty() || !StringRef(item).contains('='))
      return fail("--target-option '" + item + "' is not KEY=VALUE");
    const snnc::TargetOptionSpec *spec = nullptr;
    for (const snnc::TargetOptionSpec &s : target->getOptionSpecs())
      if (s.key == key)
        spec = &s;
    if (!spec) {
      std::string known;
      for (const snnc::TargetOptionSpec &s : target->getOptionSpecs())
        known += (known.empty() ? "" : ", ") + s.key.str();
      return fail("target " + target->getName().str() + " has no option '" +
                  key.str() + "' (" +
                  (known.empty() ? std::string("it takes none")
                                 : "it takes " + known) +
                  ")");
    }
    if (!llvm::is_contained(spec->values, value)) {
      std::string values;
      for (StringRef v : spec->values)
        values += (values.empty() ? "" : ", ") + v.str();
      return fail("--target-option " + key.str() + "=" + value.str() +
                  ": target " + target->getName().str() + " takes " + values);
    }
    out[key.str()] = value.str();
  }
  return 0;
}

/// Reads the totals of an snn-run activity profile onto the network it was
/// recorded from, as `snn.activity`; resource analysis checks its dt.
int attachActivity(ModuleOp module, StringRef path) {
  auto where = [&](const Twine &what) {
    return fail("activity profile '" + path + "': " + what);
  };
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer = MemoryBuffer::getFile(path);
  if (std::error_code ec = buffer.getError())
    return fail("cannot open activity profile '" + path + "': " + ec.message());
  Expected<json::Value> parsed = json::parse((*buffer)->getBuffer());
  if (!parsed)
    return where(toString(parsed.takeError()));
  const json::Object *root = parsed->getAsObject();
  std::optional<StringRef> name = root ? root->getString("network") : std::nullopt;
  std::optional<int64_t> steps = root ? root->getInteger("steps") : std::nullopt;
  std::optional<double> dt = root ? root->getNumber("dt_ms") : std::nullopt;
  const json::Array *nodes = root ? root->getArray("nodes") : nullptr;
  if (!name || !steps || !dt || !nodes)
    return where("not an snn-run activity profile (needs network, steps, "
                 "dt_ms and nodes)");
  if (*steps <= 0)
    return where("steps is " + Twine(*steps) + "; it must be positive");
  int64_t spikes = 0, events = 0;
  for (const json::Value &node : *nodes) {
    const json::Object *o = node.getAsObject();
    std::optional<int64_t> s = o ? o->getInteger("spikes") : std::nullopt;
    std::optional<int64_t> e = o ? o->getInteger("synaptic_events") : std::nullopt;
    if (!s || !e || *s < 0 || *e < 0)
      return where("every node needs spikes and synaptic_events >= 0");
    // The mean rate is the neurons'; inputs' spikes count only as the
    // synaptic events they cause.
    if (o->getString("kind") != std::optional<StringRef>("input"))
      spikes += *s;
    events += *e;
  }
  auto network = module.lookupSymbol<snnc::snn::NetworkOp>(*name);
  if (!network)
    return where("recorded from network '" + *name +
                 "', which the model does not define");
  Builder b(module.getContext());
  network->setAttr(
      "snn.activity",
      b.getDictionaryAttr(
          {b.getNamedAttr("steps", b.getI64IntegerAttr(*steps)),
           b.getNamedAttr("dt_ms", b.getF64FloatAttr(*dt)),
           b.getNamedAttr("spikes", b.getI64IntegerAttr(spikes)),
           b.getNamedAttr("synaptic_events", b.getI64IntegerAttr(events))}));
  return 0;
}

/// Writes a file through a temporary file that is renamed into place, so a
/// failure never leaves a partial output.
int writeOutput(StringRef path,
                llvm::function_ref<Error(raw_ostream &)> write) {
  if (Error err = writeToOutput(path, write))
    return fail("cannot write '" + path +
                "': " + snnc::writeErrorMessage(path, std::move(err)));
  return 0;
}

/// --memory-model and --memory-model-json: the model's tables at the seed's
/// parameters.
int printMemoryModel() {
  namespace memory = snnc::memory;
  const memory::Parameters &params = memory::seedParameters();
  std::string error;
  if (!memory::verify(params, error))
    return fail("memory model: " + error);
  memory::Tables tables = memory::computeTables(params);
  if (memoryModel)
    outs() << memory::formatTables(tables);
  if (!memoryModelJson.empty())
    return writeOutput(memoryModelJson, [&](raw_ostream &os) -> Error {
      os << memory::formatTablesJson(tables);
      return Error::success();
    });
  return 0;
}

/// Prints the module to stdout or, through writeOutput, to -o.
int writeIR(ModuleOp module) {
  auto print = [&](raw_ostream &os) -> Error {
    module.print(os);
    return Error::success();
  };
  if (outputPath == "-") {
    (void)print(outs());
    return 0;
  }
  return writeOutput(outputPath, print);
}
} // namespace

namespace {
int driverMain(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(snncCategory);
  cl::ParseCommandLineOptions(argc, argv, "snnc: spiking neural network "
                                          "compiler\n");
  if (listTargets)
    return printTargets();
  if (memoryModel || !memoryModelJson.empty())
    return printMemoryModel();
  if (inputFile.empty())
    return fail("no input file (usage: snnc model.mlir --target=NAME -o OUT)");
  if (dtMs.getNumOccurrences() && !(dtMs > 0))
    return fail("--dt must be a positive step in ms, got " +
                snnc::shortNumber(dtMs));

  DialectRegistry registry;
  registry.insert<snnc::snn::SNNDialect>();
  snnc::TargetRegistry::get().registerDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // One diagnostic per problem: the op's location says where; the op's
  // generic form as a note would only repeat it.
  context.printOpOnDiagnostic(false);
  SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  OwningOpRef<ModuleOp> module;
  if (StringRef(inputFile).ends_with(".nir")) {
    module = snnc::nir::importFile(
        inputFile, &context,
        dtMs > 0 ? std::optional<double>(dtMs) : std::nullopt);
  } else {
    ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
        MemoryBuffer::getFileOrSTDIN(inputFile);
    if (std::error_code ec = buffer.getError())
      return fail("cannot open '" + inputFile + "': " + ec.message());
    sourceMgr.AddNewSourceBuffer(std::move(*buffer), SMLoc());
    module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  }
  if (!module)
    return 1;
  if (module->getOps<snnc::snn::NetworkOp>().empty()) {
    module->emitError() << "no snn.network in '" << inputFile << "'";
    return 1;
  }
  // A module may pin its target (snn.target, as tests do): it stands for
  // --target and --chip, which may only repeat it.
  if (auto pinned = (*module)->getAttrOfType<snnc::snn::TargetAttr>(
          snnc::snn::TargetAttr::kAttrName)) {
    struct Pin {
      cl::opt<std::string> &flag;
      StringRef value;
      const char *option, *field;
    };
    for (Pin pin : {Pin{targetName, pinned.getBackendName(), "target", "backend"},
                    Pin{chipName, pinned.getChipName(), "chip", "chip"}}) {
      if (pin.value.empty())
        continue;
      if (pin.flag.empty())
        pin.flag = pin.value.str();
      else if (pin.flag != pin.value)
        return fail("--" + Twine(pin.option) + "=" + pin.flag +
                    " conflicts with the module's snn.target, whose " +
                    pin.field + " is '" + pin.value + "'");
    }
  }

  bool emitNir = emitStage == "nir";
  bool wantsReport = report || !reportJson.empty() || !reportSvg.empty();
  std::optional<snnc::Stage> stage =
      emitStage.empty()
          ? (!targetName.empty()
                 ? snnc::Stage::artifact
                 : (wantsReport && !chipName.empty() ? snnc::Stage::mapped
                                                     : snnc::Stage::snn))
          : (emitNir ? snnc::Stage::snn : snnc::symbolizeStage(emitStage));
  if (!stage)
    return fail("unknown stage '" + emitStage +
                "' (snn, discretized, quantized, mapped, target-ir, artifact, "
                "nir)");
  if (emitNir && outputPath == "-")
    return fail("--emit=nir writes a file: give -o model.nir");

  std::unique_ptr<snnc::Target> target;
  if (!targetName.empty()) {
    target = snnc::TargetRegistry::get().create(targetName);
    if (!target)
      return fail("unknown target '" + targetName + "' (" + registeredList() +
                  ")");
  } else if (*stage > snnc::Stage::mapped ||
             (*stage > snnc::Stage::discretized && chipName.empty())) {
    return fail("stage '" + snnc::stringifyStage(*stage) +
                "' needs a target (--target=NAME; " + registeredList() + ")" +
                (*stage <= snnc::Stage::mapped ? " or a chip (--chip=NAME)"
                                               : ""));
  }
  // A target with a chip maps onto that chip; --chip may only repeat it.
  if (target && !target->getChip().empty()) {
    if (!chipName.empty() && chipName != target->getChip())
      return fail("--chip=" + chipName + " conflicts with --target=" +
                  targetName + ", which compiles for " +
                  target->getChip().str());
    chipName = target->getChip().str();
  }
  if (!chipName.empty() && !snnc::lookupChip(chipName)) {
    std::string known;
    for (StringRef name : snnc::chipNames())
      known += (known.empty() ? "" : ", ") + name.str();
    return fail("unknown chip '" + chipName + "' (known: " + known + ")");
  }
  if (wantsReport && chipName.empty())
    return fail("--report needs a chip (--chip=NAME)");
  if (!activityFile.empty() && chipName.empty())
    return fail("--activity needs a chip (--chip=NAME)");
  if (!(stepRate >= 0))
    return fail(formatv("--step-rate must be >= 0 steps per second, got {0}",
                        double(stepRate))
                    .str());
  if (stepRate > 0 && chipName.empty())
    return fail("--step-rate needs a chip (--chip=NAME)");

  std::map<std::string, std::string> chosenOptions;
  if (int rc = readTargetOptions(target.get(), chosenOptions))
    return rc;
  if (!activityFile.empty())
    if (int rc = attachActivity(*module, activityFile))
      return rc;
  // The target as data in the IR: every pass reads its chip from here.
  if (target || !chipName.empty()) {
    auto name = [&](StringRef s) {
      return s.empty() ? StringAttr() : StringAttr::get(&context, s);
    };
    SmallVector<NamedAttribute> entries;
    for (const auto &[key, value] : chosenOptions)
      entries.push_back(NamedAttribute(StringAttr::get(&context, key),
                                       StringAttr::get(&context, value)));
    DictionaryAttr optionsAttr =
        entries.empty() ? DictionaryAttr()
                        : DictionaryAttr::get(&context, entries);
    (*module)->setAttr(
        snnc::snn::TargetAttr::kAttrName,
        snnc::snn::TargetAttr::get(&context,
                                   name(target ? target->getName() : ""),
                                   name(chipName), optionsAttr));
  }

  snnc::TargetOptions options;
  options.frontend.dt = dtMs;
  options.frontend.scheme = scheme;
  options.outputPath = outputPath;
  options.stepRate = stepRate;
  options.allowLossy = allowLossy;
  options.targetOptions = chosenOptions;

  PassManager pm(&context);
  snnc::populateSNNCleanupPipeline(pm);
  if (*stage >= snnc::Stage::discretized)
    snnc::populateSNNDiscretizePipeline(pm, options.frontend);
  // A target with a chip maps onto it in its own pipeline. A --chip without
  // such a target maps as the chip's own target does up to stage mapped
  // (its number formats included), or with the chip-independent middle end
  // when no target compiles for that chip.
  bool targetMaps = target && !target->getChip().empty();
  std::unique_ptr<snnc::Target> chipTarget;
  if (!chipName.empty() && !targetMaps)
    chipTarget = snnc::TargetRegistry::get().createForChip(chipName);
  for (snnc::Stage s : {snnc::Stage::quantized, snnc::Stage::mapped,
                        snnc::Stage::targetIR})
    if (*stage >= s) {
      if (!chipName.empty() && !targetMaps && s != snnc::Stage::targetIR) {
        if (chipTarget)
          chipTarget->buildPipeline(pm, s, options);
        else
          snnc::populateSNNMappingPipeline(pm, s, stepRate);
      }
      if (target)
        target->buildPipeline(pm, s, options);
    }
  if (failed(pm.run(*module)))
    return 1;

  if (emitNir)
    return failed(snnc::nir::exportFile(*module, outputPath)) ? 1 : 0;

  if (!reportJson.empty())
    if (int rc = writeOutput(reportJson, [&](raw_ostream &os) {
          os << formatv("{0:2}", snnc::reportJson(*module)) << "\n";
          return Error::success();
        }))
      return rc;
  if (!reportSvg.empty()) {
    std::string svg;
    raw_string_ostream svgStream(svg);
    if (failed(snnc::writePlacementSvg(*module, svgStream)))
      return 1;
    if (int rc = writeOutput(reportSvg, [&](raw_ostream &os) {
          os << svg;
          return Error::success();
        }))
      return rc;
  }
  if (report)
    snnc::printReport(*module, outs());
  // A report alone prints no IR unless -o asks for it.
  if (wantsReport && emitStage.empty() && !target && outputPath == "-")
    return 0;

  if (*stage == snnc::Stage::artifact)
    return failed(target->emit(*module, options)) ? 1 : 0;
  return writeIR(*module);
}
} // namespace

int snnc::runDriver(int argc, char **argv) { return driverMain(argc, argv); }
