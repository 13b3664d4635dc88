//===- Registry.h - model families and the artifacts they read --*- C++ -*-===//
//
// The runtime dispatches on what files declare, never on names: a record's
// `kind` is looked up in the node kinds of every model family, and a file is
// read by the family whose artifact kind it declares (the magic bytes an
// snnx image begins with, the top-level "format" of a JSON artifact). The
// families are listed once, in lib/Registry.cpp; a chip adds its folder of
// lib/ and one entry there.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_ENGINE_REGISTRY_H
#define SNNRT_ENGINE_REGISTRY_H

#include "snnrt/Image.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace snnrt {

class Node;

using NodeFactory = std::unique_ptr<Node> (*)();

template <typename T> std::unique_ptr<Node> makeNode() {
  return std::make_unique<T>();
}

/// A node kind: the `kind` field of a record and the node that runs it.
struct NodeKind {
  const char *kind;
  NodeFactory make;
};

/// A table of node kinds: an array and its length (C++17 has no span).
struct NodeKinds {
  const NodeKind *first = nullptr;
  size_t count = 0;

  template <size_t N>
  constexpr NodeKinds(const NodeKind (&table)[N]) : first(table), count(N) {}
  const NodeKind *begin() const { return first; }
  const NodeKind *end() const { return first + count; }
};

/// A kind of file the runtime runs, as the file declares it: by the bytes
/// it begins with, or (a JSON object) by its top-level "format".
struct ArtifactKind {
  /// What messages call it.
  const char *name = nullptr;
  /// The first bytes of a binary artifact; empty for a JSON one.
  std::string_view magic;
  /// The "format" of a JSON artifact; empty for a binary one.
  std::string_view jsonFormat;
  /// Reads the file into the records of a network; null for a family that
  /// reads none of its own.
  bool (*load)(const std::string &path, std::vector<Record> &records,
               std::string &error) = nullptr;
};

/// One folder of lib/: its tables of node kinds (one per source file that
/// defines nodes) and the artifact kind it reads, if any.
struct ModelFamily {
  const char *name;
  std::vector<NodeKinds> nodeKinds;
  ArtifactKind artifact;
};

/// Every family, in lookup order; a kind belongs to one family only.
const std::vector<ModelFamily> &modelFamilies();

/// The factory of a record's `kind`, or null when no family has it.
NodeFactory findNodeFactory(const std::string &kind);

/// Reads the artifact at `path` with the loader of the kind it declares;
/// a file of no known kind gets a message listing the known ones.
bool readArtifact(const std::string &path, std::vector<Record> &records,
                  std::string &error);

/// The node kinds the engine itself defines (inputs, delays).
NodeKinds engineNodeKinds();

} // namespace snnrt

#endif // SNNRT_ENGINE_REGISTRY_H
