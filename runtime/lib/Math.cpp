//===- Math.cpp - deterministic elementary functions for the emulator -----===//

#include "Math.h"

void snnrt::expDetArray(const double *in, double *out, size_t n) {
  for (size_t i = 0; i < n; ++i)
    out[i] = expDet(in[i]);
}
