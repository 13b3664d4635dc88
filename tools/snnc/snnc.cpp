//===- snnc.cpp - the snnc compiler with every built-in target ------------===//

#include "targets/Target.h"
#include "tools/snnc/Driver.h"

int main(int argc, char **argv) {
  snnc::registerAllTargets();
  return snnc::runDriver(argc, argv);
}
