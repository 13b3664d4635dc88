//===- ChipDescription.cpp - lookups over the chip descriptions -----------===//

#include "targets/ChipDescription.h"

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

const ChipDescription *snnc::lookupChip(llvm::StringRef name) {
  for (const ChipDescription *chip : {&akidaChip(), &loihi2Chip(), &truenorthChip()})
    if (chip->name == name)
      return chip;
  return nullptr;
}

llvm::ArrayRef<llvm::StringRef> snnc::chipNames() {
  static const llvm::StringRef names[] = {"akida", "loihi2", "truenorth"};
  return names;
}
