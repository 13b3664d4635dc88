//===- Registry.cpp - the model families and the artifacts they read ------===//
//
// The one list of what the runtime runs. A file is read by the family whose
// artifact kind it declares, never by its name: an snnx image by its magic
// bytes, a JSON artifact by its top-level "format". A record's `kind` is
// looked up in every family's tables. Adding a chip adds its folder of lib/
// and one entry to modelFamilies().
//
//===----------------------------------------------------------------------===//

#include "engine/Registry.h"
#include "akida/AkidaModel.h"
#include "akida/AkidaNodes.h"
#include "float/FloatNodes.h"
#include "loihi2/Loihi2Nodes.h"
#include "snnrt/Loihi2Model.h"
#include "snnrt/TrueNorthModel.h"
#include "truenorth/TrueNorthNodes.h"

// As in the JSON reader: parsing reports errors by value, and every access
// below checks the type first, so nothing throws.
#define JSON_NOEXCEPTION
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

using namespace snnrt;
using json = nlohmann::json;

const std::vector<ModelFamily> &snnrt::modelFamilies() {
  static const std::vector<ModelFamily> families = {
      {"engine",
       {engineNodeKinds()},
       {"snnx image", {kImageMagic, sizeof kImageMagic}, {}, readImage}},
      {"float", {floatNeuronKinds(), floatConnectionKinds()}, {}},
      {"loihi2",
       {loihi2::nodeKinds()},
       {"Loihi 2 artifact", {}, loihi2::kArtifactFormat, loihi2::loadArtifact}},
      {"truenorth",
       {truenorth::nodeKinds()},
       {"TrueNorth artifact", {}, truenorth::kArtifactFormat,
        truenorth::loadArtifact}},
      {"akida",
       {akida::nodeKinds()},
       {"Akida artifact", {}, akida::kArtifactFormat, akida::loadArtifact}},
  };
  return families;
}

NodeFactory snnrt::findNodeFactory(const std::string &kind) {
  for (const ModelFamily &family : modelFamilies())
    for (NodeKinds table : family.nodeKinds)
      for (const NodeKind &entry : table)
        if (kind == entry.kind)
          return entry.make;
  return nullptr;
}

namespace {
/// The JSON formats the families read, for messages: "a", "b".
std::string knownFormats() {
  std::string list;
  for (const ModelFamily &family : modelFamilies())
    if (!family.artifact.jsonFormat.empty())
      list += (list.empty() ? "\"" : ", \"") +
              std::string(family.artifact.jsonFormat) + "\"";
  return list;
}

/// How each known kind declares itself, for a file that declares none.
std::string knownKinds() {
  std::string list;
  for (const ModelFamily &family : modelFamilies()) {
    const ArtifactKind &kind = family.artifact;
    if (!kind.load)
      continue;
    list += list.empty() ? "" : "; ";
    list += std::string(kind.name) + ": ";
    list += kind.magic.empty()
                ? "a JSON object with \"format\": \"" +
                      std::string(kind.jsonFormat) + "\""
                : "begins with \"" + std::string(kind.magic) + "\"";
  }
  return list;
}
} // namespace

bool snnrt::readArtifact(const std::string &path, std::vector<Record> &records,
                         std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  auto findKind = [&](auto &&declares) {
    for (const ModelFamily &family : modelFamilies())
      if (family.artifact.load && declares(family.artifact))
        return &family.artifact;
    return static_cast<const ArtifactKind *>(nullptr);
  };
  // Only as many bytes as the longest magic: an image may be large, and its
  // loader reads it whole.
  size_t longest = 0;
  for (const ModelFamily &family : modelFamilies())
    longest = std::max(longest, family.artifact.magic.size());
  std::string head(longest, '\0');
  in.read(head.data(), std::streamsize(longest));
  head.resize(size_t(in.gcount()));
  if (const ArtifactKind *kind = findKind([&](const ArtifactKind &k) {
        return !k.magic.empty() &&
               std::string_view(head).substr(0, k.magic.size()) == k.magic;
      }))
    return kind->load(path, records, error);
  in.clear();
  in.seekg(0);
  in >> std::ws;
  if (in.peek() != '{') {
    error =
        path + ": not a kind of file this runtime reads (" + knownKinds() + ")";
    return false;
  }
  // The loader parses the file again; that costs little, because JSON
  // artifacts keep their large arrays in .npy files beside them.
  json doc = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    error = path + ": not valid JSON";
    return false;
  }
  auto format = doc.find("format");
  if (format == doc.end() || !format->is_string()) {
    error = path +
            ": a JSON artifact names its kind in a top-level "
            "\"format\" string (this runtime reads " +
            knownFormats() + ")";
    return false;
  }
  const std::string &declared = format->get_ref<const std::string &>();
  if (const ArtifactKind *kind = findKind([&](const ArtifactKind &k) {
        return !k.jsonFormat.empty() && declared == k.jsonFormat;
      }))
    return kind->load(path, records, error);
  error = path + ": unknown artifact format \"" + declared +
          "\" (this runtime reads " + knownFormats() + ")";
  return false;
}
