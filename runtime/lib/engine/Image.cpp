//===- Image.cpp - reading and writing snnx emulator images ---------------===//

#include "snnrt/Image.h"

#include <fstream>
#include <iterator>

using namespace snnrt;

bool snnrt::parseImage(const uint8_t *data, size_t size,
                       std::vector<Record> &records, std::string &error) {
  size_t offset = 0;
  auto need = [&](size_t bytes, const char *what) {
    if (size - offset >= bytes)
      return true;
    error = "truncated image: " + std::string(what) + " at byte " +
            std::to_string(offset) + " needs " + std::to_string(bytes) +
            " bytes, " + std::to_string(size - offset) + " left";
    return false;
  };
  FileHeader header;
  if (!need(sizeof header, "header"))
    return false;
  std::memcpy(&header, data, sizeof header);
  offset += sizeof header;
  if (std::memcmp(header.magic, kImageMagic, 4) != 0) {
    error = "not an snnx image (bad magic)";
    return false;
  }
  if (header.version != kImageVersion) {
    error = "snnx version " + std::to_string(header.version) +
            " is not supported (this runtime reads version " +
            std::to_string(kImageVersion) + ")";
    return false;
  }
  records.clear();
  for (uint32_t r = 0; r < header.numRecords; ++r) {
    uint32_t numFields;
    if (!need(sizeof numFields, "record"))
      return false;
    std::memcpy(&numFields, data + offset, sizeof numFields);
    offset += sizeof numFields;
    Record record;
    for (uint32_t f = 0; f < numFields; ++f) {
      FieldHeader fh;
      if (!need(sizeof fh, "field header"))
        return false;
      std::memcpy(&fh, data + offset, sizeof fh);
      offset += sizeof fh;
      DType dtype = static_cast<DType>(fh.dtype);
      size_t elem = dtypeSize(dtype);
      if (elem == 0) {
        error = "unknown field type " + std::to_string(fh.dtype) +
                " at byte " + std::to_string(offset);
        return false;
      }
      if (!need(fh.nameLength, "field name"))
        return false;
      std::string name(reinterpret_cast<const char *>(data + offset),
                       fh.nameLength);
      offset += fh.nameLength;
      if (fh.count > (size - offset) / elem) {
        error = "truncated image: field '" + name + "' of record " +
                std::to_string(r) + " declares " + std::to_string(fh.count) +
                " elements, the file ends first";
        return false;
      }
      Field field;
      field.dtype = dtype;
      field.count = fh.count;
      field.bytes.assign(data + offset, data + offset + fh.count * elem);
      offset += fh.count * elem;
      record.fields[name] = std::move(field);
    }
    records.push_back(std::move(record));
  }
  if (offset != size) {
    error = "image has " + std::to_string(size - offset) +
            " trailing bytes after its last record";
    return false;
  }
  return true;
}

bool snnrt::readImage(const std::string &path, std::vector<Record> &records,
                      std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (!parseImage(bytes.data(), bytes.size(), records, error)) {
    error = path + ": " + error;
    return false;
  }
  return true;
}

std::vector<Record> ImageWriter::takeRecords() {
  std::vector<Record> out(records.size());
  for (size_t r = 0; r < records.size(); ++r)
    for (PendingField &pending : records[r]) {
      // As parsing does: a later field of the same name replaces it.
      Field &field = out[r].fields[pending.name];
      field.dtype = pending.dtype;
      field.count = pending.count;
      field.bytes = std::move(pending.bytes);
    }
  records.clear();
  return out;
}

std::vector<uint8_t> ImageWriter::finish() const {
  std::vector<uint8_t> out;
  size_t total = sizeof(FileHeader);
  for (const auto &record : records) {
    total += sizeof(uint32_t);
    for (const auto &field : record)
      total += sizeof(FieldHeader) + field.name.size() + field.bytes.size();
  }
  out.reserve(total);
  auto append = [&](const void *p, size_t n) {
    const auto *b = static_cast<const uint8_t *>(p);
    out.insert(out.end(), b, b + n);
  };
  FileHeader header;
  std::memcpy(header.magic, kImageMagic, 4);
  header.version = kImageVersion;
  header.numRecords = static_cast<uint32_t>(records.size());
  header.reserved = 0;
  append(&header, sizeof header);
  for (const auto &record : records) {
    uint32_t numFields = static_cast<uint32_t>(record.size());
    append(&numFields, sizeof numFields);
    for (const auto &field : record) {
      FieldHeader fh{static_cast<uint32_t>(field.name.size()),
                     static_cast<uint32_t>(field.dtype), field.count};
      append(&fh, sizeof fh);
      append(field.name.data(), field.name.size());
      append(field.bytes.data(), field.bytes.size());
    }
  }
  return out;
}
