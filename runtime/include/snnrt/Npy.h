//===- Npy.h - reading and writing NumPy .npy arrays ------------*- C++ -*-===//
//
// The subset snn-run needs: C-order arrays of bool, (u)int8..64, float32 and
// float64, read as doubles; written as float64, float32 or int64/32/16.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_NPY_H
#define SNNRT_NPY_H

#include <cstdint>
#include <string>
#include <vector>

namespace snnrt {

struct NpyArray {
  std::vector<int64_t> shape;
  std::vector<double> data;
  /// The stored type, numpy's `descr`: "<i2", "|u1", "<f4", ...
  std::string dtype;
};

/// Parses an .npy file; false with a message on anything else (a Fortran
/// order array, an unsupported dtype, a truncated file).
bool readNpy(const std::string &path, NpyArray &array, std::string &error);
bool parseNpy(const std::string &bytes, NpyArray &array, std::string &error);

enum class NpyType { f64, f32, i64, i32, i16 };
/// Serializes an array (format version 1.0).
std::string encodeNpy(const std::vector<int64_t> &shape,
                      const std::vector<double> &data, NpyType type);

} // namespace snnrt

#endif // SNNRT_NPY_H
