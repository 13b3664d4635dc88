//===- Math.h - deterministic elementary functions for the emulator -*- C++ -*-===//
//
// glibc picks exp and log implementations by CPU (FMA or not), and those may
// differ in the last bit; the emulator's results must not depend on the
// machine. These are plain IEEE double arithmetic, identical everywhere, and
// inline so that hot loops avoid a library call.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_MATH_H
#define SNNRT_MATH_H

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace snnrt {

/// exp(x) within a few ulp for x in [-708, 709] (clamped outside).
/// Branch-free and without int/float conversions, so that loops over it
/// vectorize with plain SSE2.
inline double expDet(double x) {
  x = x < -708.0 ? -708.0 : (x > 709.0 ? 709.0 : x);
  // x = k ln2 + r with |r| <= ln2 / 2; k by round-to-nearest through the
  // 1.5 * 2^52 shifter, whose low mantissa bits then hold k itself.
  const double shifter = 6755399441055744.0;
  double t = x * 1.4426950408889634 + shifter;
  double kf = t - shifter;
  double r = (x - kf * 0.6931471803691238) - kf * 1.9082149292705877e-10;
  // Taylor series to r^13 / 13! (truncation below 1e-17 on |r| < 0.35),
  // evaluated by Estrin's scheme: a short dependency chain.
  double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  double c01 = 1.0 + r, c23 = 0.5 + r * (1.0 / 6.0);
  double c45 = 1.0 / 24.0 + r * (1.0 / 120.0);
  double c67 = 1.0 / 720.0 + r * (1.0 / 5040.0);
  double c89 = 1.0 / 40320.0 + r * (1.0 / 362880.0);
  double c1011 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0);
  double c1213 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0);
  double c03 = c01 + r2 * c23, c47 = c45 + r2 * c67;
  double c811 = c89 + r2 * c1011;
  double c07 = c03 + r4 * c47, c813 = c811 + r4 * c1213;
  double p = c07 + r8 * c813;
  // 2^k from the shifter's bits: (k + 1023) in the exponent field.
  uint64_t bits;
  std::memcpy(&bits, &t, sizeof bits);
  bits = (bits + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

/// log(x) within a few ulp for normal positive x.
inline double logDet(double x) {
  // x = 2^e m with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s),
  // s = (m - 1) / (m + 1), |s| < 0.1716: the odd series to s^23 is exact
  // to below 1e-17.
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int64_t e = int64_t((bits >> 52) & 0x7ff) - 1023;
  bits = (bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull;
  double m;
  std::memcpy(&m, &bits, sizeof m);
  if (m > 1.4142135623730951) {
    m *= 0.5;
    ++e;
  }
  double s = (m - 1.0) / (m + 1.0), s2 = s * s;
  double p = 1.0 / 23;
  for (int k = 21; k >= 1; k -= 2)
    p = p * s2 + 1.0 / k;
  return double(e) * 0.6931471803691238 + (double(e) * 1.9082149292705877e-10 +
                                           2.0 * s * p);
}

/// log(x) for x in (0, 1] without a division: the top 8 bits of the
/// mantissa pick a tabulated log(c) and 1/c, and log1p of the remainder
/// (below 2^-8) is a short series. Within 1e-15 of logDet; used where a
/// logarithm per synapse must be cheap (procedural connectivity).
double logTable(unsigned j, double &inverse);
inline double logFast(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int64_t e = int64_t((bits >> 52) & 0x7ff) - 1023;
  unsigned j = unsigned((bits >> 44) & 0xff);
  bits = (bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull;
  double m;
  std::memcpy(&m, &bits, sizeof m);
  double inverse;
  double logC = logTable(j, inverse);
  double t = m * inverse - 1.0; // |t| < 2^-8
  double series =
      t * (1.0 + t * (-0.5 + t * (1.0 / 3 + t * (-0.25 + t * (0.2 - t / 6)))));
  return double(e) * 0.6931471805599453 + logC + series;
}

} // namespace snnrt

#endif // SNNRT_MATH_H
