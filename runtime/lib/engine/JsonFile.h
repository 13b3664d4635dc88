//===- JsonFile.h - reading a JSON artifact whole ---------------*- C++ -*-===//
//
// The JSON readers of the model families (Loihi 2, TrueNorth) read their
// file the same way. Include after <nlohmann/json.hpp>, which each reader
// includes with JSON_NOEXCEPTION defined: parsing reports errors by value.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_ENGINE_JSONFILE_H
#define SNNRT_ENGINE_JSONFILE_H

#include <fstream>
#include <sstream>
#include <string>

namespace snnrt {

/// The document in `path`; false with "cannot open 'path'" or "not valid
/// JSON" in `error`.
inline bool parseJsonFile(const std::string &path, nlohmann::json &doc,
                          std::string &error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  doc = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    error = "not valid JSON";
    return false;
  }
  return true;
}

} // namespace snnrt

#endif // SNNRT_ENGINE_JSONFILE_H
