//===- RegisterAll.cpp - every target built into snnc ---------------------===//
//
// The list is the build's (targets/CMakeLists.txt generates it from the
// target folders), so that it exists once.
//
//===----------------------------------------------------------------------===//

#include "targets/ChipDescription.h"
#include "targets/RegisteredTargets.h"
#include "targets/Target.h"

void snnc::registerAllTargets() {
  static bool done = false;
  if (done)
    return;
  done = true;
  registerAllChips();
#define SNNC_TARGET(fn) fn();
  SNNC_FOR_EACH_TARGET(SNNC_TARGET)
#undef SNNC_TARGET
}
