//===- NirGraph.h - NIR graphs in memory, read from and written to HDF5 -*- C++ -*-===//
//
// The file layout of the reference NIR library (`nir.write`, NIR 1.0): a
// `version` string, the root graph in group `node`; a graph group holds
// `type = "NIRGraph"`, `edges` (E x 2 strings), `nodes/<name>/...` and an
// optional `metadata` group; a node group holds a `type` string and one
// dataset per parameter. This layer knows HDF5 and nothing of MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_FRONTENDS_NIR_NIRGRAPH_H
#define SNNC_FRONTENDS_NIR_NIRGRAPH_H

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace snnc::nir {

/// A dataset: numbers (any float or integer dtype, read as doubles) or text.
struct Array {
  enum class Kind { f32, f64, i64, text };
  Kind kind = Kind::f64;
  std::vector<int64_t> shape; ///< empty for a scalar
  std::vector<double> values;
  std::string text;
  /// gzip on writing (numpy arrays in nir.write; Python tuples are not).
  bool compress = true;

  size_t size() const { return values.size(); }
  bool isNumber() const { return kind != Kind::text; }
};

struct Graph;

struct Node {
  std::string name;
  std::string type;
  std::map<std::string, Array> params;
  std::unique_ptr<Graph> graph; ///< for type NIRGraph
};

struct Graph {
  std::vector<Node> nodes; ///< in the file's (name) order
  std::vector<std::pair<std::string, std::string>> edges;
  std::map<std::string, Array> metadata;
  const Node *find(const std::string &name) const;
};

/// Reads a NIR file. On failure returns false with a message naming the
/// file, the group or dataset and the problem.
bool readFile(const std::string &path, Graph &graph, std::string &version,
              std::string &error);

/// Writes a NIR file the way `nir.write` does (float arrays as gzip'd
/// float32 datasets, integer tuples as int64, strings as variable-length
/// UTF-8). Writes to a temporary file and renames it into place.
bool writeFile(const std::string &path, const Graph &graph,
               const std::string &version, std::string &error);

} // namespace snnc::nir

#endif // SNNC_FRONTENDS_NIR_NIRGRAPH_H
