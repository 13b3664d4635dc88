//===- TargetRegistryTest.cpp - the name -> target registry ---------------===//

#include "targets/Target.h"

#include <gtest/gtest.h>

using namespace snnc;

namespace {
/// A target that records which stages it was asked to build.
class RecordingTarget : public Target {
public:
  explicit RecordingTarget(std::string name) : name(std::move(name)) {}
  llvm::StringRef getName() const override { return name; }
  llvm::StringRef getDescription() const override { return "for tests"; }
  void buildPipeline(mlir::OpPassManager &, Stage,
                     const TargetOptions &) const override {}
  mlir::LogicalResult emit(mlir::ModuleOp,
                           const TargetOptions &) const override {
    return mlir::failure();
  }

private:
  std::string name;
};
} // namespace

TEST(TargetRegistry, CreatesByNameAndListsSorted) {
  TargetRegistry &registry = TargetRegistry::get();
  ASSERT_TRUE(registry.add("zz-test", [] {
    return std::make_unique<RecordingTarget>("zz-test");
  }));
  ASSERT_TRUE(registry.add("aa-test", [] {
    return std::make_unique<RecordingTarget>("aa-test");
  }));
  std::unique_ptr<Target> target = registry.create("zz-test");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->getName(), "zz-test");
  EXPECT_FALSE(registry.create("no-such-target"));

  std::vector<std::string> names = registry.names();
  auto a = std::find(names.begin(), names.end(), "aa-test");
  auto z = std::find(names.begin(), names.end(), "zz-test");
  ASSERT_NE(a, names.end());
  ASSERT_NE(z, names.end());
  EXPECT_LT(a, z);
}

TEST(TargetRegistry, RefusesDuplicateNames) {
  TargetRegistry &registry = TargetRegistry::get();
  ASSERT_TRUE(registry.add("dup-test", [] {
    return std::make_unique<RecordingTarget>("dup-test");
  }));
  EXPECT_FALSE(registry.add("dup-test", [] {
    return std::make_unique<RecordingTarget>("other");
  }));
  EXPECT_EQ(registry.create("dup-test")->getName(), "dup-test");
}

TEST(Stages, NamesRoundTripInOrder) {
  for (Stage s : {Stage::snn, Stage::discretized, Stage::quantized,
                  Stage::mapped, Stage::targetIR, Stage::artifact})
    EXPECT_EQ(symbolizeStage(stringifyStage(s)), s);
  EXPECT_EQ(symbolizeStage("target-ir"), Stage::targetIR);
  EXPECT_FALSE(symbolizeStage("assembly"));
  EXPECT_LT(Stage::discretized, Stage::quantized);
}
