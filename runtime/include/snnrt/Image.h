//===- Image.h - the snnx emulator image: records of named arrays -*- C++ -*-===//
//
// An image is a small header and a sequence of records; a record is a list of
// named, typed arrays. Everything is little-endian. The format is described
// in docs/formats/snnx.md. Plain C++: the compiler writes images with
// ImageWriter, the runtime reads them with readImage; neither side needs
// the other's headers.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_IMAGE_H
#define SNNRT_IMAGE_H

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace snnrt {

inline constexpr char kImageMagic[4] = {'S', 'N', 'N', 'X'};
inline constexpr uint32_t kImageVersion = 1;

/// How a node reads each input (the `delayed` field of a node record): in
/// the same step, the value of the previous step, or at the end of the step.
inline constexpr uint8_t kSameStep = 0, kPreviousStep = 1, kEndOfStep = 2;

enum class DType : uint32_t { f64 = 1, f32 = 2, i64 = 3, i32 = 4, u8 = 5 };

inline size_t dtypeSize(DType t) {
  switch (t) {
  case DType::f64:
  case DType::i64:
    return 8;
  case DType::f32:
  case DType::i32:
    return 4;
  case DType::u8:
    return 1;
  }
  return 0;
}

struct FileHeader {
  char magic[4];
  uint32_t version;
  uint32_t numRecords;
  uint32_t reserved;
};
static_assert(sizeof(FileHeader) == 16, "snnx header layout");

struct FieldHeader {
  uint32_t nameLength;
  uint32_t dtype;
  uint64_t count;
};
static_assert(sizeof(FieldHeader) == 16, "snnx field header layout");

/// One named array of a record, in its stored type.
struct Field {
  DType dtype = DType::u8;
  uint64_t count = 0;
  std::vector<uint8_t> bytes;

  template <typename T> T at(uint64_t i) const {
    switch (dtype) {
    case DType::f64:
      return static_cast<T>(load<double>(i));
    case DType::f32:
      return static_cast<T>(load<float>(i));
    case DType::i64:
      return static_cast<T>(load<int64_t>(i));
    case DType::i32:
      return static_cast<T>(load<int32_t>(i));
    case DType::u8:
      return static_cast<T>(bytes[i]);
    }
    return T();
  }
  std::string str() const { return std::string(bytes.begin(), bytes.end()); }

private:
  template <typename S> S load(uint64_t i) const {
    S value;
    std::memcpy(&value, bytes.data() + i * sizeof(S), sizeof(S));
    return value;
  }
};

struct Record {
  std::map<std::string, Field> fields;
  const Field *find(const std::string &name) const {
    auto it = fields.find(name);
    return it == fields.end() ? nullptr : &it->second;
  }
};

/// Reads an image. On failure returns false and sets `error` to a message
/// naming the offset and what was wrong (truncated, wrong magic or version).
bool readImage(const std::string &path, std::vector<Record> &records,
               std::string &error);
bool parseImage(const uint8_t *data, size_t size, std::vector<Record> &records,
                std::string &error);

/// Builds an image in memory; `finish` returns the bytes, `takeRecords`
/// the records that parsing those bytes would give (without the bytes).
class ImageWriter {
public:
  void beginRecord() { records.emplace_back(); }
  void addString(const std::string &name, const std::string &value) {
    add(name, DType::u8, value.size(), value.data());
  }
  void addF64(const std::string &name, const std::vector<double> &v) {
    add(name, DType::f64, v.size(), v.data());
  }
  void addF32(const std::string &name, const std::vector<float> &v) {
    add(name, DType::f32, v.size(), v.data());
  }
  void addI64(const std::string &name, const std::vector<int64_t> &v) {
    add(name, DType::i64, v.size(), v.data());
  }
  void addI32(const std::string &name, const std::vector<int32_t> &v) {
    add(name, DType::i32, v.size(), v.data());
  }
  std::vector<uint8_t> finish() const;
  std::vector<Record> takeRecords();

private:
  struct PendingField {
    std::string name;
    DType dtype;
    uint64_t count;
    std::vector<uint8_t> bytes;
  };
  void add(const std::string &name, DType dtype, uint64_t count,
           const void *data) {
    PendingField field{name, dtype, count, {}};
    const auto *begin = static_cast<const uint8_t *>(data);
    field.bytes.assign(begin, begin + count * dtypeSize(dtype));
    records.back().push_back(std::move(field));
  }
  std::vector<std::vector<PendingField>> records;
};

} // namespace snnrt

#endif // SNNRT_IMAGE_H
