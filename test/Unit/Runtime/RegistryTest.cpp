//===- RegistryTest.cpp - every node and artifact kind has one owner ------===//

#include "engine/Registry.h"

#include <gtest/gtest.h>

#include <map>

using namespace snnrt;

// The lookup returns the first family that has a kind, so a kind claimed
// twice would silently run the wrong model.
TEST(Registry, EachNodeKindBelongsToOneFamily) {
  std::map<std::string, std::string> owner;
  for (const ModelFamily &family : modelFamilies())
    for (NodeKinds table : family.nodeKinds)
      for (const NodeKind &entry : table) {
        auto [it, fresh] = owner.emplace(entry.kind, family.name);
        EXPECT_TRUE(fresh) << "'" << entry.kind << "' is in " << it->second
                           << " and " << family.name;
        EXPECT_EQ(findNodeFactory(entry.kind), entry.make);
      }
  EXPECT_EQ(findNodeFactory("loihi2.unknown"), nullptr);
}

// A loader declares its kind by magic bytes or by a JSON format, exactly
// one, and no two loaders declare the same.
TEST(Registry, EachArtifactKindIsDeclaredOnce) {
  std::map<std::string, std::string> owner;
  for (const ModelFamily &family : modelFamilies()) {
    const ArtifactKind &kind = family.artifact;
    if (!kind.load)
      continue;
    EXPECT_NE(kind.magic.empty(), kind.jsonFormat.empty()) << kind.name;
    std::string key = kind.magic.empty()
                          ? "format " + std::string(kind.jsonFormat)
                          : "magic " + std::string(kind.magic);
    auto [it, fresh] = owner.emplace(key, family.name);
    EXPECT_TRUE(fresh) << key << " is declared by " << it->second << " and "
                       << family.name;
  }
}
