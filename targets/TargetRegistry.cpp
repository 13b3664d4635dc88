//===- TargetRegistry.cpp - the name -> target factory registry -----------===//

#include "targets/Target.h"
#include "targets/cpu/CPUTarget.h"
#include "targets/loihi2/Loihi2Target.h"

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

std::vector<std::string> TargetRegistry::names() const {
  std::vector<std::string> result;
  for (const auto &entry : entries)
    result.push_back(entry.first);
  return result;
}

void snnc::registerAllTargets() {
  static bool done = false;
  if (done)
    return;
  done = true;
  registerCPUTarget();
  registerLoihi2Target();
}

std::string snnc::writeErrorMessage(llvm::StringRef path, llvm::Error error) {
  std::string message = llvm::toString(std::move(error));
  std::string prefix = "'" + path.str() + "': ";
  if (llvm::StringRef(message).starts_with(prefix))
    message = message.substr(prefix.size());
  return message;
}
