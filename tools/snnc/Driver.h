//===- Driver.h - the snnc compiler driver ----------------------*- C++ -*-===//

#ifndef SNNC_TOOLS_SNNC_DRIVER_H
#define SNNC_TOOLS_SNNC_DRIVER_H

namespace snnc {
/// The snnc command line over the targets registered so far: a tool
/// registers the targets it carries (registerAllTargets, and a test's own)
/// and hands its arguments here. Returns the exit code.
int runDriver(int argc, char **argv);
} // namespace snnc

#endif // SNNC_TOOLS_SNNC_DRIVER_H
