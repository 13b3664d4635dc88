//===- NirGraph.cpp - NIR graphs read from and written to HDF5 ------------===//

#include "frontends/nir/NirGraph.h"

#include <hdf5.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace snnc::nir;

const Node *Graph::find(const std::string &name) const {
  for (const Node &node : nodes)
    if (node.name == name)
      return &node;
  return nullptr;
}

namespace {
/// Closes an HDF5 handle when it goes out of scope.
class Handle {
public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id(id), close(close) {}
  ~Handle() {
    if (id >= 0)
      close(id);
  }
  Handle(const Handle &) = delete;
  Handle &operator=(const Handle &) = delete;
  operator hid_t() const { return id; }
  bool valid() const { return id >= 0; }

private:
  hid_t id;
  herr_t (*close)(hid_t);
};

/// HDF5 prints its own error stack unless told not to; our messages say
/// what went wrong in terms of the NIR file.
void silenceHdf5() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

bool isGroup(hid_t parent, const std::string &name) {
  H5O_info_t info;
  if (H5Oget_info_by_name(parent, name.c_str(), &info, H5P_DEFAULT) < 0)
    return false;
  return info.type == H5O_TYPE_GROUP;
}

std::vector<std::string> children(hid_t group) {
  std::vector<std::string> names;
  H5G_info_t info;
  if (H5Gget_info(group, &info) < 0)
    return names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    ssize_t size = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC,
                                      i, nullptr, 0, H5P_DEFAULT);
    if (size < 0)
      continue;
    std::string name(size_t(size), '\0');
    H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(),
                       size_t(size) + 1, H5P_DEFAULT);
    names.push_back(name);
  }
  return names;
}

/// Reads a dataset of numbers or strings. Strings of a multi-element
/// dataset are joined with '\0' into `text` (edges split them again).
bool readArray(hid_t parent, const std::string &name, const std::string &where,
               Array &array, std::string &error) {
  Handle ds(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose);
  if (!ds.valid()) {
    error = where + ": cannot open dataset '" + name + "'";
    return false;
  }
  Handle space(H5Dget_space(ds), H5Sclose);
  Handle type(H5Dget_type(ds), H5Tclose);
  int rank = H5Sget_simple_extent_ndims(space);
  if (rank < 0) {
    error = where + "/" + name + ": unreadable dataspace";
    return false;
  }
  std::vector<hsize_t> dims(static_cast<size_t>(rank));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  array.shape.assign(dims.begin(), dims.end());
  size_t count = 1;
  for (hsize_t d : dims)
    count *= size_t(d);
  auto readFailed = [&] {
    error = where + "/" + name +
            ": cannot read the data (the file may be truncated)";
    return false;
  };
  H5T_class_t cls = H5Tget_class(type);
  if (cls == H5T_FLOAT || cls == H5T_INTEGER) {
    array.kind = cls == H5T_INTEGER ? Array::Kind::i64
                 : H5Tget_size(type) == 4 ? Array::Kind::f32
                                           : Array::Kind::f64;
    array.values.resize(count);
    if (count && H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                         array.values.data()) < 0)
      return readFailed();
    // A float32 value means the decimal it was written from (0.02, not
    // 0.0199999995529651641845703125): take the shortest decimal that
    // reads back as the same float. Writing it as float32 again gives the
    // same bits.
    if (array.kind == Array::Kind::f32)
      for (double &v : array.values) {
        char buffer[32];
        auto end = std::to_chars(buffer, buffer + sizeof buffer, float(v)).ptr;
        *end = '\0';
        v = std::strtod(buffer, nullptr);
      }
    return true;
  }
  if (cls == H5T_STRING) {
    array.kind = Array::Kind::text;
    std::vector<std::string> strings;
    if (H5Tis_variable_str(type) > 0) {
      Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
      H5Tset_size(mem, H5T_VARIABLE);
      H5Tset_cset(mem, H5Tget_cset(type));
      std::vector<char *> buffer(count, nullptr);
      if (count && H5Dread(ds, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                           buffer.data()) < 0)
        return readFailed();
      for (char *s : buffer)
        strings.push_back(s ? s : "");
      H5Dvlen_reclaim(mem, space, H5P_DEFAULT, buffer.data());
    } else {
      size_t size = H5Tget_size(type);
      std::vector<char> buffer(count * size + 1, '\0');
      Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
      H5Tset_size(mem, size);
      if (count && H5Dread(ds, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                           buffer.data()) < 0)
        return readFailed();
      for (size_t i = 0; i < count; ++i) {
        std::string s(buffer.data() + i * size, size);
        s.resize(s.find('\0') == std::string::npos ? s.size() : s.find('\0'));
        strings.push_back(s);
      }
    }
    for (size_t i = 0; i < strings.size(); ++i)
      array.text += (i ? std::string(1, '\0') : std::string()) + strings[i];
    return true;
  }
  error = where + "/" + name + ": unsupported dtype (class " +
          std::to_string(int(cls)) + ")";
  return false;
}

std::vector<std::string> splitText(const Array &array) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : array.text) {
    if (c == '\0') {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

bool readNode(hid_t group, const std::string &name, const std::string &where,
              Node &node, std::string &error);

bool readGraph(hid_t group, const std::string &where, Graph &graph,
               std::string &error) {
  if (isGroup(group, "nodes")) {
    Handle nodes(H5Gopen2(group, "nodes", H5P_DEFAULT), H5Gclose);
    for (const std::string &name : children(nodes)) {
      if (!isGroup(nodes, name)) {
        error = where + "/nodes/" + name + ": a node must be a group";
        return false;
      }
      Node node;
      if (!readNode(nodes, name, where + "/nodes/" + name, node, error))
        return false;
      graph.nodes.push_back(std::move(node));
    }
  }
  if (H5Lexists(group, "edges", H5P_DEFAULT) > 0) {
    Array edges;
    if (!readArray(group, "edges", where, edges, error))
      return false;
    bool empty = edges.shape.size() == 2 && edges.shape[0] == 0;
    if (!empty && (edges.kind != Array::Kind::text || edges.shape.size() != 2 ||
                   edges.shape[1] != 2)) {
      error = where + "/edges: expected an E x 2 array of node names";
      return false;
    }
    if (!empty) {
      std::vector<std::string> names = splitText(edges);
      for (size_t i = 0; i + 1 < names.size(); i += 2)
        graph.edges.push_back({names[i], names[i + 1]});
    }
  }
  if (isGroup(group, "metadata")) {
    Handle meta(H5Gopen2(group, "metadata", H5P_DEFAULT), H5Gclose);
    for (const std::string &name : children(meta)) {
      if (isGroup(meta, name))
        continue;
      Array value;
      if (readArray(meta, name, where + "/metadata", value, error))
        graph.metadata[name] = value;
    }
    error.clear();
  }
  return true;
}

bool readNode(hid_t parent, const std::string &name, const std::string &where,
              Node &node, std::string &error) {
  Handle group(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), H5Gclose);
  if (!group.valid()) {
    error = where + ": cannot open the group";
    return false;
  }
  node.name = name;
  if (H5Lexists(group, "type", H5P_DEFAULT) <= 0) {
    error = "node '" + where + "': missing dataset 'type'";
    return false;
  }
  Array type;
  if (!readArray(group, "type", where, type, error))
    return false;
  if (type.kind != Array::Kind::text) {
    error = "node '" + where + "': 'type' must be a string";
    return false;
  }
  node.type = type.text;
  if (node.type == "NIRGraph") {
    node.graph = std::make_unique<Graph>();
    return readGraph(group, where, *node.graph, error);
  }
  for (const std::string &child : children(group)) {
    if (child == "type" || isGroup(group, child))
      continue;
    Array value;
    if (!readArray(group, child, where, value, error))
      return false;
    node.params[child] = std::move(value);
  }
  return true;
}
} // namespace

bool snnc::nir::readFile(const std::string &path, Graph &graph,
                         std::string &version, std::string &error) {
  silenceHdf5();
  if (access(path.c_str(), R_OK) != 0) {
    error = "cannot open '" + path + "'";
    return false;
  }
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    error = "'" + path + "' is not an HDF5 file";
    return false;
  }
  Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file.valid()) {
    error = "'" + path + "' cannot be opened as HDF5 (truncated?)";
    return false;
  }
  version.clear();
  if (H5Lexists(file, "version", H5P_DEFAULT) > 0) {
    Array v;
    if (readArray(file, "version", path, v, error) &&
        v.kind == Array::Kind::text)
      version = v.text;
  }
  if (H5Lexists(file, "node", H5P_DEFAULT) <= 0 || !isGroup(file, "node")) {
    error = "'" + path + "' has no group 'node' (not a NIR file?)";
    return false;
  }
  Handle root(H5Gopen2(file, "node", H5P_DEFAULT), H5Gclose);
  Array type;
  if (H5Lexists(root, "type", H5P_DEFAULT) > 0 &&
      readArray(root, "type", "node", type, error) && type.text != "NIRGraph") {
    error = "'" + path + "': the root node is a '" + type.text +
            "', expected a NIRGraph";
    return false;
  }
  error.clear();
  return readGraph(root, "node", graph, error);
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

namespace {
/// Creation properties without modification times: the same graph gives
/// the same bytes.
hid_t untimed(hid_t cls) {
  hid_t plist = H5Pcreate(cls);
  H5Pset_obj_track_times(plist, false);
  return plist;
}

hid_t makeGroup(hid_t parent, const std::string &name) {
  hid_t gcpl = untimed(H5P_GROUP_CREATE);
  hid_t group =
      H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT);
  H5Pclose(gcpl);
  return group;
}

bool writeString(hid_t group, const std::string &name,
                 const std::vector<std::string> &values,
                 const std::vector<hsize_t> &dims) {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  Handle space(dims.empty() ? H5Screate(H5S_SCALAR)
                            : H5Screate_simple(int(dims.size()), dims.data(),
                                               nullptr),
               H5Sclose);
  Handle dcpl(untimed(H5P_DATASET_CREATE), H5Pclose);
  Handle ds(H5Dcreate2(group, name.c_str(), type, space, H5P_DEFAULT, dcpl,
                       H5P_DEFAULT),
            H5Dclose);
  if (!ds.valid())
    return false;
  std::vector<const char *> pointers;
  for (const std::string &s : values)
    pointers.push_back(s.c_str());
  return values.empty() ||
         H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()) >= 0;
}

bool writeArray(hid_t group, const std::string &name, const Array &array) {
  if (array.kind == Array::Kind::text)
    return writeString(group, name, {array.text}, {});
  std::vector<hsize_t> dims(array.shape.begin(), array.shape.end());
  Handle space(dims.empty() ? H5Screate(H5S_SCALAR)
                            : H5Screate_simple(int(dims.size()), dims.data(),
                                               nullptr),
               H5Sclose);
  // Arrays are gzip'd like numpy arrays in nir.write; scalars cannot be.
  Handle dcpl(untimed(H5P_DATASET_CREATE), H5Pclose);
  bool chunked = array.compress && !dims.empty() && array.size() > 0;
  if (chunked) {
    H5Pset_chunk(dcpl, int(dims.size()), dims.data());
    H5Pset_deflate(dcpl, 4);
  }
  hid_t fileType = array.kind == Array::Kind::f32   ? H5T_IEEE_F32LE
                   : array.kind == Array::Kind::f64 ? H5T_IEEE_F64LE
                                                    : H5T_STD_I64LE;
  Handle ds(H5Dcreate2(group, name.c_str(), fileType, space, H5P_DEFAULT,
                       dcpl, H5P_DEFAULT),
            H5Dclose);
  if (!ds.valid())
    return false;
  if (array.size() == 0)
    return true;
  return H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                  array.values.data()) >= 0;
}

bool writeGraph(hid_t group, const Graph &graph) {
  if (!writeString(group, "type", {"NIRGraph"}, {}))
    return false;
  std::vector<std::string> names;
  for (const auto &[from, to] : graph.edges) {
    names.push_back(from);
    names.push_back(to);
  }
  if (!writeString(group, "edges", names, {hsize_t(graph.edges.size()), 2}))
    return false;
  Handle nodes(makeGroup(group, "nodes"), H5Gclose);
  for (const Node &node : graph.nodes) {
    Handle g(makeGroup(nodes, node.name), H5Gclose);
    if (!g.valid())
      return false;
    if (node.graph) {
      if (!writeGraph(g, *node.graph))
        return false;
      continue;
    }
    if (!writeString(g, "type", {node.type}, {}))
      return false;
    for (const auto &[name, array] : node.params)
      if (!writeArray(g, name, array))
        return false;
  }
  if (!graph.metadata.empty()) {
    Handle meta(makeGroup(group, "metadata"), H5Gclose);
    for (const auto &[name, array] : graph.metadata)
      if (!writeArray(meta, name, array))
        return false;
  }
  return true;
}
} // namespace

bool snnc::nir::writeFile(const std::string &path, const Graph &graph,
                          const std::string &version, std::string &error) {
  silenceHdf5();
  std::string tmp = path + ".tmp" + std::to_string(getpid());
  bool ok;
  {
    Handle file(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                H5Fclose);
    ok = file.valid() && writeString(file, "version", {version}, {});
    if (ok) {
      Handle root(makeGroup(file, "node"), H5Gclose);
      ok = root.valid() && writeGraph(root, graph);
    }
  }
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    error = "cannot write '" + path + "'";
    return false;
  }
  return true;
}
