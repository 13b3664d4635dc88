//===- ChipDescriptionTest.cpp - the chip descriptions are consistent -----===//

#include "targets/ChipDescription.h"

#include <gtest/gtest.h>

using namespace snnc;

TEST(ChipDescription, EveryTargetFolderRegistersItsChip) {
  std::vector<llvm::StringRef> names = chipNames();
  EXPECT_EQ(names, (std::vector<llvm::StringRef>{"akida", "loihi2", "truenorth"}));
  // A name is registered once.
  EXPECT_FALSE(registerChip(*lookupChip("loihi2")));
}

TEST(ChipDescription, EveryChipIsFoundByName) {
  for (llvm::StringRef name : chipNames()) {
    const ChipDescription *chip = lookupChip(name);
    ASSERT_TRUE(chip) << name.str();
    EXPECT_EQ(chip->name, name);
  }
  EXPECT_FALSE(lookupChip("spinnaker"));
}

TEST(ChipDescription, MeshesHoldTheirCores) {
  for (llvm::StringRef name : chipNames()) {
    const ChipDescription &chip = *lookupChip(name);
    EXPECT_EQ(chip.meshWidth * chip.meshHeight, chip.coresPerChip) << name.str();
    EXPECT_GT(chip.neuronsPerCore, 0) << name.str();
    EXPECT_GT(chip.fanInPerCore, 0) << name.str();
    EXPECT_FALSE(chip.encodings.empty()) << name.str();
    EXPECT_FALSE(chip.staticPower.source.empty()) << name.str();
    for (const SourcedFigure &f : chip.energy)
      EXPECT_FALSE(f.source.empty()) << name.str() << " " << f.name.str();
  }
}

TEST(ChipDescription, FactsFromTheSpecs) {
  const ChipDescription &loihi = *lookupChip("loihi2");
  EXPECT_EQ(loihi.coresPerChip * loihi.neuronsPerCore, 1048576);
  EXPECT_EQ(loihi.fanInPerCore, 4096);
  ASSERT_TRUE(loihi.findEnergy("synaptic_op"));
  EXPECT_DOUBLE_EQ(loihi.findEnergy("synaptic_op")->value, 23.6e-12);
  EXPECT_TRUE(loihi.runsNeuronModel("cuba_lif"));
  EXPECT_FALSE(loihi.runsNeuronModel("hh"));
  const ChipDescription &tn = *lookupChip("truenorth");
  EXPECT_EQ(tn.coresPerChip * tn.neuronsPerCore, 1048576);
  EXPECT_EQ(tn.synapseMemoryBitsPerCore, 256 * 256);
  EXPECT_EQ(tn.distinctWeightsPerNeuron, 4);
  EXPECT_EQ(tn.destinationsPerNeuron, 1);
}
