//===- Main.cpp - the compiler's unit tests, with every target registered -===//

#include "targets/Target.h"

#include <gtest/gtest.h>

int main(int argc, char **argv) {
  snnc::registerAllTargets();
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
