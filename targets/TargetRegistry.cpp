//===- TargetRegistry.cpp - the name -> target factory registry -----------===//

#include "targets/Target.h"

#include <algorithm>

using namespace snnc;

Target::~Target() = default;

TargetRegistry &TargetRegistry::get() {
  static TargetRegistry registry;
  return registry;
}

bool TargetRegistry::add(llvm::StringRef name, TargetFactory factory) {
  for (const auto &entry : entries)
    if (entry.first == name)
      return false;
  entries.emplace_back(name.str(), std::move(factory));
  std::sort(entries.begin(), entries.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
  return true;
}

std::unique_ptr<Target> TargetRegistry::create(llvm::StringRef name) const {
  for (const auto &entry : entries)
    if (entry.first == name)
      return entry.second();
  return nullptr;
}

std::unique_ptr<Target>
TargetRegistry::createForChip(llvm::StringRef chip) const {
  for (const auto &entry : entries) {
    std::unique_ptr<Target> target = entry.second();
    if (target->getChip() == chip)
      return target;
  }
  return nullptr;
}

std::vector<std::string> TargetRegistry::names() const {
  std::vector<std::string> result;
  for (const auto &entry : entries)
    result.push_back(entry.first);
  return result;
}

void TargetRegistry::addDialects(
    std::function<void(mlir::DialectRegistry &)> insert) {
  dialects.push_back(std::move(insert));
}

void TargetRegistry::registerDialects(mlir::DialectRegistry &registry) const {
  for (const auto &insert : dialects)
    insert(registry);
}
