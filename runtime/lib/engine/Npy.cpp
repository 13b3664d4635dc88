//===- Npy.cpp - reading and writing NumPy .npy arrays --------------------===//

#include "snnrt/Npy.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace snnrt;

namespace {
/// The value of `key` in the header dict, e.g. `'descr': '<f4'`.
std::string headerValue(const std::string &header, const std::string &key) {
  size_t at = header.find("'" + key + "'");
  if (at == std::string::npos)
    return {};
  size_t colon = header.find(':', at);
  if (colon == std::string::npos)
    return {};
  size_t start = header.find_first_not_of(" ", colon + 1);
  if (start == std::string::npos)
    return {};
  if (header[start] == '\'') {
    size_t end = header.find('\'', start + 1);
    return header.substr(start + 1, end - start - 1);
  }
  if (header[start] == '(') {
    size_t end = header.find(')', start);
    return header.substr(start, end - start + 1);
  }
  size_t end = header.find_first_of(",}", start);
  return header.substr(start, end - start);
}

template <typename T> double load(const char *p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return double(v);
}
} // namespace

bool snnrt::parseNpy(const std::string &bytes, NpyArray &array,
                     std::string &error) {
  if (bytes.size() < 10 || std::memcmp(bytes.data(), "\x93NUMPY", 6) != 0) {
    error = "not an .npy file (bad magic)";
    return false;
  }
  unsigned major = uint8_t(bytes[6]);
  size_t headerLen, offset;
  if (major == 1) {
    headerLen = uint8_t(bytes[8]) | (size_t(uint8_t(bytes[9])) << 8);
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) {
      error = "truncated .npy header";
      return false;
    }
    headerLen = 0;
    for (int i = 0; i < 4; ++i)
      headerLen |= size_t(uint8_t(bytes[8 + i])) << (8 * i);
    offset = 12;
  } else {
    error = ".npy format version " + std::to_string(major) + " is unknown";
    return false;
  }
  if (bytes.size() < offset + headerLen) {
    error = "truncated .npy header";
    return false;
  }
  std::string header = bytes.substr(offset, headerLen);
  offset += headerLen;
  std::string descr = headerValue(header, "descr");
  std::string order = headerValue(header, "fortran_order");
  std::string shapeText = headerValue(header, "shape");
  if (order.find("True") != std::string::npos) {
    error = "Fortran-order .npy arrays are not supported (save with "
            "numpy.ascontiguousarray)";
    return false;
  }
  array.shape.clear();
  {
    std::string inner = shapeText.size() >= 2
                            ? shapeText.substr(1, shapeText.size() - 2)
                            : std::string();
    std::stringstream ss(inner);
    std::string item;
    while (std::getline(ss, item, ','))
      if (item.find_first_not_of(" ") != std::string::npos) {
        char *end = nullptr;
        long long d = std::strtoll(item.c_str(), &end, 10);
        if (d < 0 || end == item.c_str() ||
            item.find_first_not_of(" ", size_t(end - item.c_str())) !=
                std::string::npos) {
          error = ".npy shape '" + shapeText + "' is not a tuple of sizes";
          return false;
        }
        array.shape.push_back(d);
      }
  }
  if (descr.size() < 3 || (descr[0] != '<' && descr[0] != '|')) {
    error = "unsupported .npy dtype '" + descr + "' (little-endian only)";
    return false;
  }
  char kind = descr[1];
  int width = std::atoi(descr.c_str() + 2);
  if (width <= 0) {
    error = "unsupported .npy dtype '" + descr + "'";
    return false;
  }
  // The element count, without overflow: a shape the data cannot hold is
  // refused before anything is allocated.
  size_t available = (bytes.size() - offset) / size_t(width);
  size_t count = 1;
  bool fits = true;
  for (int64_t d : array.shape) {
    if (d != 0 && count > available / size_t(d))
      fits = false;
    count = fits ? count * size_t(d) : count;
  }
  if (!fits || count > available) {
    error = ".npy data is truncated: shape " + shapeText + " of " + descr +
            " needs more than the " + std::to_string(bytes.size() - offset) +
            " bytes the file holds";
    return false;
  }
  array.dtype = descr;
  array.data.resize(count);
  const char *p = bytes.data() + offset;
  for (size_t i = 0; i < count; ++i, p += width) {
    double v;
    if (kind == 'f' && width == 8)
      v = load<double>(p);
    else if (kind == 'f' && width == 4)
      v = load<float>(p);
    else if ((kind == 'b' || kind == 'u') && width == 1)
      v = load<uint8_t>(p);
    else if (kind == 'i' && width == 1)
      v = load<int8_t>(p);
    else if (kind == 'i' && width == 2)
      v = load<int16_t>(p);
    else if (kind == 'u' && width == 2)
      v = load<uint16_t>(p);
    else if (kind == 'i' && width == 4)
      v = load<int32_t>(p);
    else if (kind == 'u' && width == 4)
      v = load<uint32_t>(p);
    else if (kind == 'i' && width == 8)
      v = load<int64_t>(p);
    else if (kind == 'u' && width == 8)
      v = load<uint64_t>(p);
    else {
      error = "unsupported .npy dtype '" + descr + "'";
      return false;
    }
    array.data[i] = v;
  }
  return true;
}

bool snnrt::readNpy(const std::string &path, NpyArray &array,
                    std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  // One read of the whole file (stream iterators go byte by byte).
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::string bytes(size > 0 ? size_t(size) : 0, '\0');
  if (size > 0 && !in.read(bytes.data(), size)) {
    error = "cannot read '" + path + "'";
    return false;
  }
  if (!parseNpy(bytes, array, error)) {
    error = path + ": " + error;
    return false;
  }
  return true;
}

std::string snnrt::encodeNpy(const std::vector<int64_t> &shape,
                             const std::vector<double> &data, NpyType type) {
  const char *descr = type == NpyType::f64   ? "<f8"
                      : type == NpyType::f32 ? "<f4"
                      : type == NpyType::i32 ? "<i4"
                      : type == NpyType::i16 ? "<i2"
                                             : "<i8";
  std::string dims;
  for (int64_t d : shape)
    dims += std::to_string(d) + ", ";
  if (shape.size() > 1)
    dims.erase(dims.size() - 2);
  else if (shape.size() == 1)
    dims.erase(dims.size() - 1);
  std::string header = std::string("{'descr': '") + descr +
                       "', 'fortran_order': False, 'shape': (" + dims + "), }";
  // Pad so that the data starts on a 64-byte boundary, ending in '\n'.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string out("\x93NUMPY\x01\x00", 8);
  out += char(header.size() & 0xff);
  out += char(header.size() >> 8);
  out += header;
  for (double v : data) {
    if (type == NpyType::f64) {
      out.append(reinterpret_cast<const char *>(&v), 8);
    } else if (type == NpyType::f32) {
      float f = float(v);
      out.append(reinterpret_cast<const char *>(&f), 4);
    } else if (type == NpyType::i32) {
      int32_t i = int32_t(v);
      out.append(reinterpret_cast<const char *>(&i), 4);
    } else if (type == NpyType::i16) {
      int16_t i = int16_t(v);
      out.append(reinterpret_cast<const char *>(&i), 2);
    } else {
      int64_t i = int64_t(v);
      out.append(reinterpret_cast<const char *>(&i), 8);
    }
  }
  return out;
}
