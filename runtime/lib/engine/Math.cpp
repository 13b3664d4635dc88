//===- Math.cpp - deterministic elementary functions for the emulator -----===//

#include "engine/Math.h"


namespace {
/// log(c_j) and 1/c_j for the centres c_j = 1 + (j + 0.5) / 256.
struct LogTable {
  double logs[256], inverses[256];
  LogTable() {
    for (unsigned j = 0; j < 256; ++j) {
      double c = 1.0 + (j + 0.5) / 256.0;
      logs[j] = snnrt::logDet(c);
      inverses[j] = 1.0 / c;
    }
  }
};
const LogTable &table() {
  static const LogTable t;
  return t;
}
} // namespace

double snnrt::logTable(unsigned j, double &inverse) {
  const LogTable &t = table();
  inverse = t.inverses[j];
  return t.logs[j];
}
