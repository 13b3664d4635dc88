//===- LavaReference.h - replaying a Lava reference run ---------*- C++ -*-===//

#ifndef SNNRUN_LAVAREFERENCE_H
#define SNNRUN_LAVAREFERENCE_H

#include <cstddef>
#include <string>

namespace snnrun {
/// Runs the reference file at `path`, prints `mismatches: N` and the first
/// `show` of them; 0 when there are none, 1 otherwise or on an error.
int replayLavaReference(const std::string &path, size_t show);
} // namespace snnrun

#endif // SNNRUN_LAVAREFERENCE_H
