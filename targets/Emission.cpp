//===- Emission.cpp - what every emitter needs ----------------------------===//

#include "targets/Emission.h"

#include "passes/Report.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace mlir;
using namespace snnc;

LogicalResult snnc::writeArtifact(ModuleOp module, llvm::StringRef dir,
                                  const ArtifactFiles &files) {
  SmallVector<std::pair<std::string, std::string>> written;
  auto cleanup = [&] {
    for (auto &[tmp, final] : written)
      llvm::sys::fs::remove(tmp);
  };
  for (const auto &[name, bytes] : files) {
    SmallString<256> final(dir);
    llvm::sys::path::append(final, name);
    SmallString<256> tmp;
    int fd;
    if (std::error_code ec =
            llvm::sys::fs::createUniqueFile(final + ".tmp-%%%%%%", fd, tmp)) {
      cleanup();
      return module.emitError()
             << "cannot write '" << final << "': " << ec.message();
    }
    {
      llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
      os << bytes;
      os.close();
      written.push_back({std::string(tmp), std::string(final)});
      if (os.has_error()) {
        cleanup();
        return module.emitError()
               << "cannot write '" << final << "': " << os.error().message();
      }
    }
  }
  for (auto &[tmp, final] : written)
    if (std::error_code ec = llvm::sys::fs::rename(tmp, final)) {
      cleanup();
      return module.emitError()
             << "cannot write '" << final << "': " << ec.message();
    }
  return success();
}

LogicalResult snnc::emitFolderArtifact(ModuleOp module, llvm::StringRef path,
                                       llvm::StringRef target,
                                       ArtifactBuilder build) {
  FailureOr<snn::NetworkOp> network =
      snn::getSingleNetwork(module, ("the " + target + " target").str());
  if (failed(network))
    return failure();
  if (path == "-" || path.empty())
    return module.emitError()
           << "the " << target << " target writes a folder: give -o DIR";
  std::string dir = path.str(), stem = network->getSymName().str();
  if (llvm::sys::path::extension(path) == ".json") {
    stem = llvm::sys::path::stem(path).str();
    dir = llvm::sys::path::parent_path(path).str();
    if (dir.empty())
      dir = ".";
  }
  if (std::error_code ec = llvm::sys::fs::create_directories(dir))
    return module.emitError()
           << "cannot create '" << dir << "': " << ec.message();
  ArtifactFiles files;
  if (failed(build(*network, stem, files)))
    return failure();
  addReportFiles(module, stem, files);
  return writeArtifact(module, dir, files);
}

LogicalResult snnc::writeArtifactFile(ModuleOp module, llvm::StringRef path,
                                      llvm::StringRef bytes) {
  if (llvm::Error err = llvm::writeToOutput(path, [&](llvm::raw_ostream &os) {
        os << bytes;
        return llvm::Error::success();
      }))
    return module.emitError()
           << "cannot write '" << path
           << "': " << writeErrorMessage(path, std::move(err));
  return success();
}

void snnc::printJson(const llvm::json::Value &v, llvm::raw_ostream &os,
                     int indent) {
  namespace json = llvm::json;
  if (const json::Object *o = v.getAsObject()) {
    std::vector<std::string> keys;
    for (const auto &kv : *o)
      keys.push_back(kv.first.str());
    std::sort(keys.begin(), keys.end());
    os << "{";
    for (size_t i = 0; i < keys.size(); ++i) {
      os << (i ? ",\n" : "\n");
      os.indent(indent + 1);
      os << json::Value(keys[i]) << ": ";
      printJson(*o->get(keys[i]), os, indent + 1);
    }
    os << "\n";
    os.indent(indent);
    os << "}";
    return;
  }
  if (const json::Array *a = v.getAsArray()) {
    bool flat = llvm::all_of(*a, [](const json::Value &e) {
      return !e.getAsObject() && !e.getAsArray();
    });
    os << "[";
    for (size_t i = 0; i < a->size(); ++i) {
      if (flat) {
        os << (i ? ", " : "") << (*a)[i];
        continue;
      }
      os << (i ? ",\n" : "\n");
      os.indent(indent + 1);
      printJson((*a)[i], os, indent + 1);
    }
    if (!flat) {
      os << "\n";
      os.indent(indent);
    }
    os << "]";
    return;
  }
  os << v;
}

std::string snnc::printJson(const llvm::json::Value &value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  printJson(value, os);
  os << "\n";
  return text;
}

void snnc::addReportFiles(ModuleOp module, llvm::StringRef stem,
                          ArtifactFiles &files) {
  std::string report;
  llvm::raw_string_ostream reportStream(report);
  printReport(module, reportStream);
  files[(stem + ".report.txt").str()] = report;
  std::string reportText;
  llvm::raw_string_ostream reportJsonStream(reportText);
  reportJsonStream << llvm::formatv("{0:2}", reportJson(module)) << "\n";
  files[(stem + ".report.json").str()] = reportText;
  std::string svg;
  llvm::raw_string_ostream svgStream(svg);
  if (succeeded(writePlacementSvg(module, svgStream)))
    files[(stem + ".svg").str()] = svg;
}

std::string snnc::writeErrorMessage(llvm::StringRef path, llvm::Error error) {
  std::string message = llvm::toString(std::move(error));
  std::string prefix = "'" + path.str() + "': ";
  if (llvm::StringRef(message).starts_with(prefix))
    message = message.substr(prefix.size());
  return message;
}
