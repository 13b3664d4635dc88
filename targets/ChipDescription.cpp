//===- ChipDescription.cpp - lookups over the chip descriptions -----------===//

#include "targets/ChipDescription.h"
#include "targets/RegisteredTargets.h"

#include "llvm/ADT/STLExtras.h"

using namespace snnc;

bool ChipDescription::runsNeuronModel(llvm::StringRef op) const {
  return llvm::is_contained(neuronModels, op);
}

bool ChipDescription::runsConnection(llvm::StringRef op) const {
  return llvm::is_contained(layerKinds, op);
}

const SourcedFigure *ChipDescription::findEnergy(llvm::StringRef n) const {
  for (const SourcedFigure &f : energy)
    if (f.name == n)
      return &f;
  return nullptr;
}

namespace {
/// The registered chips, sorted by name.
std::vector<const ChipDescription *> &chips() {
  static std::vector<const ChipDescription *> registry;
  return registry;
}
} // namespace

bool snnc::registerChip(const ChipDescription &chip) {
  std::vector<const ChipDescription *> &all = chips();
  auto at = llvm::lower_bound(all, chip.name,
                              [](const ChipDescription *c, llvm::StringRef n) {
                                return c->name < n;
                              });
  if (at != all.end() && (*at)->name == chip.name)
    return false;
  all.insert(at, &chip);
  return true;
}

const ChipDescription *snnc::lookupChip(llvm::StringRef name) {
  for (const ChipDescription *chip : chips())
    if (chip->name == name)
      return chip;
  return nullptr;
}

std::vector<llvm::StringRef> snnc::chipNames() {
  std::vector<llvm::StringRef> names;
  for (const ChipDescription *chip : chips())
    names.push_back(chip->name);
  return names;
}

void snnc::registerAllChips() {
  static bool done = false;
  if (done)
    return;
  done = true;
#define SNNC_CHIP(fn) fn();
  SNNC_FOR_EACH_CHIP(SNNC_CHIP)
#undef SNNC_CHIP
}
